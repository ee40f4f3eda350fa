# Refcount death: __del__ runs first (the weakref still works there),
# then the weakrefs are cleared and their callbacks run.
import weakref
class Obj:
    def __del__(self):
        print("__del__, weakref alive:", r() is self)
o = Obj()
r = weakref.ref(o, lambda ref: print("callback, ref() is", ref()))
del o
print("end")
