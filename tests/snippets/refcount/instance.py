# A new instance bound to one name reports 2.
import sys
class Node:
    def __init__(self):
        self.next = None
n = Node()
print(sys.getrefcount(n))
m = Node()
m.next = n
print(sys.getrefcount(n))
m.next = None
print(sys.getrefcount(n))
