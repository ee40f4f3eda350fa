# __slots__ instances store attributes inline: no per-instance dict.
import sys
class Plain:
    def __init__(self):
        self.x = 1
        self.y = 2
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
        self.y = 2
print(sys.getsizeof(Slotted()), hasattr(Slotted(), "__dict__"), hasattr(Plain(), "__dict__"))
