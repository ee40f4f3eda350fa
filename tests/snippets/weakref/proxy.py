# A proxy forwards attribute access; a dead one raises ReferenceError.
import weakref
class Obj:
    def __init__(self):
        self.value = 42
    def double(self):
        return self.value * 2
o = Obj()
p = weakref.proxy(o)
print(p.value, p.double())
p.value = 7
print(o.value)
del o
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
