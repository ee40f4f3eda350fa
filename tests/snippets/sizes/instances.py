# An instance of an empty class is 56 bytes (its __dict__ is separate).
import sys
class Empty:
    pass
class WithInit:
    def __init__(self):
        self.a = 1
        self.b = 2
print(sys.getsizeof(Empty()), sys.getsizeof(WithInit()))
class Slotted:
    __slots__ = ("a",)
print(sys.getsizeof(Slotted()))
