# Chained assignment binds every name to the same object.
a = b = c = []
a.append(1)
print(a, b, c)
print(a is b is c)
x = y = 10
x += 1
print(x, y)
