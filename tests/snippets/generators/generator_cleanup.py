# A generator abandoned mid-way runs its finally when it is freed.
def reader():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")
g = reader()
print(next(g))
del g
print("after del")
