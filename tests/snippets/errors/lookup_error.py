# Raising a base class directly.
def find(items, v):
    if v not in items:
        raise LookupError("nothing found")
    return items.index(v)
print(find([1, 2], 2))
find([1, 2], 3)
