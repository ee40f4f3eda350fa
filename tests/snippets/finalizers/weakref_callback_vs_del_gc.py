# In a cycle collected by gc, every weakref callback runs before any __del__.
import gc, weakref
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
ra = weakref.ref(a, lambda r: print("callback for a"))
rb = weakref.ref(b, lambda r: print("callback for b"))
del a, b
print("collected", gc.collect())
