# Finalizers still alive at exit run then, newest first.
import weakref
class Res:
    pass
keep = [Res(), Res(), Res()]
for i, obj in enumerate(keep):
    weakref.finalize(obj, print, "finalize", i)
print("end of script")
