# A list literal or list() of a known length allocates exactly.
import sys
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([0] * 10))
xs = [1, 2, 3]
xs.append(4)
print(sys.getsizeof(xs))
print(sys.getsizeof(list(range(5))))
