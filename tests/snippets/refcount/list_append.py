# Putting an object into a container adds a reference.
import sys
item = [1, 2]
print(sys.getrefcount(item))
box = []
box.append(item)
print(sys.getrefcount(item))
box.append(item)
print(sys.getrefcount(item))
box.clear()
print(sys.getrefcount(item))
