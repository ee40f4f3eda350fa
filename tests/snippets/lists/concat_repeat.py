# + and * create new lists holding the same items.
a = [1, 2]
b = a + [3]
c = a * 3
print(b, c, a)
inner = [0]
rows = [inner] * 2
inner.append(1)
print(rows)
