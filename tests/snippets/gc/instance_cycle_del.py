# Finalizers in a cycle run during collection, in allocation order.
import gc
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collecting")
n = gc.collect()
print("found", n)
