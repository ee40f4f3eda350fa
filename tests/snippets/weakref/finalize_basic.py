# weakref.finalize runs a function when the object dies.
import weakref
class Res:
    pass
r = Res()
f = weakref.finalize(r, print, "finalizer ran", 1)
print(f.alive)
del r
print(f.alive)
