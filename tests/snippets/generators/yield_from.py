# yield from delegates to another iterable.
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [3, 4]
    yield from range(5, 7)
print(list(outer()))
