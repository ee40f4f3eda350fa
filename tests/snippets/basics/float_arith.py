# Floats are 24-byte objects; arithmetic makes new ones.
x = 1.5
y = 0.25
print(x + y, x - y, x * y, x / y)
print(7.5 // 2, 7.5 % 2, -7.5 // 2)
print(0.1 + 0.2)
print(1e300 * 10, -1e300 * 10)
print(2 ** 0.5)
print(1 / 3)
print(float("inf") > 1e308, 3.0 == 3)
