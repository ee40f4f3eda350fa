import gc
import sys
import weakref


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __del__(self):
        print(f"freeing {self.value!r}")

    def __repr__(self):
        return f"Node({self.value})"

    @property
    def size(self):
        return sys.getsizeof(self)

    @staticmethod
    def make(*values):
        head = None
        for v in reversed(values):
            head = Node(v, head)
        return head

    @classmethod
    def empty(cls):
        return cls(None)


class Cache(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value


def callback(ref):
    print("gone:", ref() is None)


a = Node(1)
r = weakref.ref(a, callback)
print(sys.getrefcount(a), gc.is_tracked(a), gc.get_count())
del a
gc.collect()
numbers = [n ** 2 for n in range(10) if n % 2 == 0]
pairs = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
first, *middle, last = numbers
print(first, middle, last, sep=" | ", end="\n")
total = 0
while (n := len(numbers)) > 5:
    total += numbers.pop()
print(f"{total:,} {total:>10} {3.14159:.2f} {255:#x} {0.5:%} {n=}")
matrix = [[0] * 3 for _ in range(3)]
matrix[1][2] = 5
s = "text"[::-1]
t = 1, 2, 3
x = not -1 < 2 < 3 not in [4]
lst = [*t, *numbers]
dct = {**pairs, 'k': 'v'}
value = d.get("key") or default() if cond else None
print(*lst, **dct)
assert isinstance(t, tuple), f"not a tuple: {type(t).__name__}"
try:
    1 / 0
except ZeroDivisionError as exc:
    print(type(exc).__name__, exc.args)
