# The same inner list reachable from many places.
import sys
inner = []
outer = [inner, [inner], {"k": inner}]
print(sys.getrefcount(inner))
outer.pop()
print(sys.getrefcount(inner))
outer = None
print(sys.getrefcount(inner))
