# enumerate and zip pair things up.
names = ["ada", "alan", "grace"]
for i, n in enumerate(names, start=1):
    print(i, n)
years = [1815, 1912]
print(list(zip(names, years)))
print(list(zip()), dict(zip(range(3), "abc")))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
