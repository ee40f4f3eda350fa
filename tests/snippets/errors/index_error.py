# Indexing past the end of a list.
xs = [1, 2, 3]
print(xs[2])
i = len(xs)
print(xs[i])
