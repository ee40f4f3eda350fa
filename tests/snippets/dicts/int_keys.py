# Any hashable object can be a key; 1, 1.0 and True are the same key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
d[(1, 2)] = "tuple"
print(d[(1, 2)], len(d))
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
