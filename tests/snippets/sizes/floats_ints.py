# Every float is 24 bytes; ints grow with their magnitude.
import sys
print(sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(-2.5))
for e in [0, 10, 29, 30, 59, 60, 62]:
    print("2**%d" % e, sys.getsizeof(2 ** e))
print(sys.getsizeof(-1), sys.getsizeof(-(2 ** 40)))
