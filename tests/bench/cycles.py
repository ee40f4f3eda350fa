# Automatic cycle collection: every iteration builds a two-node cycle and
# drops it, so the generational collector runs on its thresholds and frees
# them (young collections, promotions, the odd full one).
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


made = 0
for i in range(350000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    made += a.value + b.other.value
del a, b
gc.collect()
print(made, gc.collect())
