# Instance attributes hold references.
import sys
class Holder:
    pass
payload = [1, 2, 3]
h = Holder()
h.a = payload
print(sys.getrefcount(payload))
h.b = payload
print(sys.getrefcount(payload))
del h.a
print(sys.getrefcount(payload))
del h
print(sys.getrefcount(payload))
