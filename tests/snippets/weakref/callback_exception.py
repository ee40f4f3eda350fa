# An exception in a callback is reported ("Exception ignored in") and execution goes on.
import weakref
class Obj:
    pass
def bad(ref):
    raise RuntimeError("callback failed")
o = Obj()
r = weakref.ref(o, bad)
del o
print("still running")
