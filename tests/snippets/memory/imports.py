# import M, import M as N, from M import a, b.
import gc
import sys as system
from weakref import ref, WeakSet
from gc import collect, isenabled
print(gc.isenabled(), isenabled(), system.getrecursionlimit())
class A:
    pass
a = A()
print(ref(a)() is a, len(WeakSet([a])), collect() >= 0)
