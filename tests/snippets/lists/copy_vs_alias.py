# Assignment shares; copy() and slicing make shallow copies.
a = [[1, 2], [3]]
b = a
c = a.copy()
d = a[:]
e = list(a)
a.append([4])
print(len(b), len(c), len(d), len(e))
a[0].append(99)
print(c[0], d[0] is a[0], e[0] is a[0])
