# A tuple holds a reference to each item.
import sys
x = [0]
t = (x, x, x)
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
