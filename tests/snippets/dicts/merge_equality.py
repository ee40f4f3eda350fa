# Equality ignores order; | merges.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b))
print(a | {"z": 3}, {**a, "y": 99})
