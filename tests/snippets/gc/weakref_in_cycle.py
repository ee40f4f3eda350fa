# Only weakrefs that are themselves reachable get their callbacks run:
# unreachable here are the instance, its own weakref and that weakref's lambda.
import gc, weakref
gc.collect()
class A:
    pass
a = A()
a.me = a
a.r = weakref.ref(a, lambda r: print("callback of the weakref inside the cycle"))
outside = weakref.ref(a, lambda r: print("callback of the weakref outside the cycle"))
del a
print("collecting")
print(gc.collect())
