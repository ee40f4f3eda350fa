# map and filter are lazy.
print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
