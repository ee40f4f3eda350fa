# A big list's item array lives outside the small-object allocator.
import sys
big = [None] * 10000
print(sys.getsizeof(big))
big = None
again = [0] * 10000
print(len(again), sys.getsizeof(again))
