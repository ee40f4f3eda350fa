# len, range and type.
print(len([1, 2]), len("abc"), len({}), len(range(10)), len((1,)), len({1, 2}))
print(type(1), type(1.0), type("s"), type(None), type([]))
print(type(len).__name__, type(range(3)).__name__)
print(type(type(1)), type(True).__name__, type({}).__name__)
print(range(3), range(1, 10, 2))
