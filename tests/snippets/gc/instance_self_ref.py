# An instance whose attribute points back to itself: the instance is the
# one unreachable object (its attributes live inline, not in a dict object).
import gc
gc.collect()
class Node:
    pass
n = Node()
n.me = n
del n
print(gc.collect())
