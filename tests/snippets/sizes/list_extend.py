# extend and slice assignment grow the list by more than one.
import sys
xs = []
xs.extend(range(10))
print(len(xs), sys.getsizeof(xs))
xs.extend(range(3))
print(len(xs), sys.getsizeof(xs))
xs += [0] * 20
print(len(xs), sys.getsizeof(xs))
