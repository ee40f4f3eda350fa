# __slots__ removes the per-instance __dict__.
import sys
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class D:
    pass
print(sys.getsizeof(p), sys.getsizeof(D()))
