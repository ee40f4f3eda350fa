# A weak reference does not keep its object alive.
import weakref
class Obj:
    pass
o = Obj()
r = weakref.ref(o)
print(r() is o, weakref.getweakrefcount(o))
del o
print(r())
