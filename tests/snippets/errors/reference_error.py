# Using a dead weak proxy.
import weakref
class Obj:
    value = 1
o = Obj()
p = weakref.proxy(o)
print(p.value)
del o
print(p.value)
