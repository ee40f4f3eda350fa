# list() from any iterable.
print(list(), list(range(4)), list("hi"), list((1, 2)), list({"a": 1, "b": 2}))
print(list(x * x for x in range(4)), list(map(str, [1, 2])))
original = [1, 2]
copy = list(original)
print(copy == original, copy is original)
