# Tuple and list unpacking, including star targets.
a, b = 1, 2
a, b = b, a
print(a, b)
[x, y, z] = "xyz"
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
