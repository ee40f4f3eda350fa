# getsizeof is shallow: the items are not counted.
import sys
small = [1, 2, 3]
big = ["x" * 1000, "y" * 1000, "z" * 1000]
print(sys.getsizeof(small), sys.getsizeof(big))
print(sys.getsizeof(big[0]))
total = sys.getsizeof(big) + sum(sys.getsizeof(s) for s in big)
print(total)
