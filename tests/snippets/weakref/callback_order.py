# Callbacks run newest first.
import weakref
class Obj:
    pass
o = Obj()
refs = [weakref.ref(o, lambda r, i=i: print("callback", i)) for i in range(3)]
del o
print("end")
