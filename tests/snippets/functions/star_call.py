# Unpacking arguments at the call site.
def point(x, y, z=0):
    return (x, y, z)
args = [1, 2]
kw = {"z": 3}
print(point(*args), point(*args, **kw), point(**{"x": 5, "y": 6}))
print(*range(3), sep=",")
