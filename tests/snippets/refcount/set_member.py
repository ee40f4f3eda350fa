# Sets and frozensets hold references to their items.
import sys
class K:
    pass
k = K()
s = {k}
fs = frozenset([k])
print(sys.getrefcount(k))
s.discard(k)
print(sys.getrefcount(k))
