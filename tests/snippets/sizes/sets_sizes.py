# An empty set is 216 bytes; it grows in steps.
import sys
s = set()
last = sys.getsizeof(s)
print(0, last)
for i in range(40):
    s.add(i)
    if sys.getsizeof(s) != last:
        last = sys.getsizeof(s)
        print(len(s), last)
