# A fresh object bound to one name: getrefcount says 2
# (the name plus the call's own temporary reference).
import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
