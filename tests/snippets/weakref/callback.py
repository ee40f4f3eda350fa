# The callback gets the dead weak reference.
import weakref
class Obj:
    pass
def gone(ref):
    print("callback: referent gone, ref() ->", ref())
o = Obj()
r = weakref.ref(o, gone)
print("deleting")
del o
print("after delete", r())
