# Assigning to and deleting slices changes the list in place.
xs = [0, 1, 2, 3, 4, 5]
xs[1:3] = ["a", "b", "c"]
print(xs)
xs[::2] = [None] * 4
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
xs[:] = []
print(xs)
