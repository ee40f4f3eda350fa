# Dict values and keys hold references.
import sys
v = [0]
d = {"a": v, "b": v}
print(sys.getrefcount(v))
del d["a"]
print(sys.getrefcount(v))
d = None
print(sys.getrefcount(v))
