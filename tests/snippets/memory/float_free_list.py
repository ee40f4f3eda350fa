# Creating and dropping many floats reuses memory; nothing leaks.
total = 0.0
for i in range(10000):
    f = i * 0.5
    total += f
print(total)
