# sys.getsizeof of simple values, in bytes (CPython 3.11, 64-bit).
import sys
print("None", sys.getsizeof(None))
print("True", sys.getsizeof(True))
print("1.0", sys.getsizeof(1.0))
for n in [0, 1, 2 ** 30 - 1, 2 ** 30, 2 ** 60]:
    print(n, sys.getsizeof(n))
