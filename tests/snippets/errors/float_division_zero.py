# Float division by zero.
readings = [2.0, 4.0]
mean = sum(readings) / len(readings)
spread = 0.0
print(mean)
print(mean / spread)
