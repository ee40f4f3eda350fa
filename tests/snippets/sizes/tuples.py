# A tuple is 40 bytes plus 8 per item.
import sys
for n in range(6):
    print(n, sys.getsizeof(tuple(range(n))))
# The items are not included: a tuple of big strings is still small.
print(sys.getsizeof(("x" * 1000, "y" * 1000)))
