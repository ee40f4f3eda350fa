# Lists compare element by element.
print([1, 2, 3] < [1, 3], [1, 2] == [1, 2], [] < [0])
xs = [3, 1, 4, 1, 5]
print(len(xs), min(xs), max(xs), sum(xs), sorted(xs), list(reversed(xs)))
print(any(x > 4 for x in xs), all(x > 0 for x in xs))
