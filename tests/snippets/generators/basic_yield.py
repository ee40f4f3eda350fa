# A generator runs until each yield and pauses.
def gen():
    print("start")
    yield 1
    print("after first")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
