# A callback runs only if its weakref object is still alive.
import weakref
class Obj:
    pass
o = Obj()
r = weakref.ref(o, lambda ref: print("never printed"))
del r
del o
kept = Obj()
r2 = weakref.ref(kept, lambda ref: print("printed"))
del kept
print("end")
