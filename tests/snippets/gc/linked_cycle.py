# A doubly linked list is full of cycles; gc reclaims it all.
import gc
gc.collect()
class Node:
    def __init__(self, v):
        self.v = v
        self.prev = self.next = None
head = Node(0)
cur = head
for i in range(1, 10):
    n = Node(i)
    cur.next = n
    n.prev = cur
    cur = n
del head, cur, n
print(gc.collect())
