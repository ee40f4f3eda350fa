# Functions, classes, instances and sets can be.
import weakref
def f():
    pass
class C:
    pass
for v in [f, C, C(), {1}, frozenset([1])]:
    r = weakref.ref(v)
    print(type(v).__name__, r() is v)
