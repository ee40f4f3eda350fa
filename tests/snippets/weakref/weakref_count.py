# getweakrefcount and getweakrefs.
import weakref
class T:
    pass
t = T()
print(weakref.getweakrefcount(t), weakref.getweakrefs(t))
a = weakref.ref(t)
b = weakref.ref(t, print)
c = weakref.proxy(t)
print(weakref.getweakrefcount(t))
del b
print(weakref.getweakrefcount(t))
