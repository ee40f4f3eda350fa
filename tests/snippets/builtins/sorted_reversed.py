# sorted returns a new list; reversed returns an iterator.
data = [3, 1, 2]
print(sorted(data), data, sorted(data, reverse=True))
print(list(reversed(data)), list(reversed(range(3))), list(reversed("ab")))
print(sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a")]))
