# Calling a finalizer early: the first call returns the result, later ones None.
import weakref
class Res:
    pass
r = Res()
def cleanup(name):
    print("cleanup", name)
    return "result"
f = weakref.finalize(r, cleanup, "r")
print(f())
print(f())
print(f.alive)
del r
print("end")
