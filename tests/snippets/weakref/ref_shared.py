# Plain refs without callback are shared: ref(o) is ref(o).
import weakref
class Obj:
    pass
o = Obj()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print(r1 is r2, weakref.getweakrefcount(o))
r3 = weakref.ref(o, lambda r: None)
print(r3 is r1, weakref.getweakrefcount(o))
print(len(weakref.getweakrefs(o)), weakref.getweakrefs(o)[0] is r1)
