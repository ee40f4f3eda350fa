# GC death: callbacks run first and the weakref is already dead in __del__.
import gc, weakref
gc.collect()
class Obj:
    def __del__(self):
        print("__del__, weakref dead:", r() is None)
o = Obj()
o.me = o
r = weakref.ref(o, lambda ref: print("callback"))
del o
print("collecting")
gc.collect()
print("end")
