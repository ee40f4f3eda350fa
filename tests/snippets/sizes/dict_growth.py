# A dict's size at 0, 1, 6, 11 and 22 items: the table doubles.
import sys
d = {}
print(0, sys.getsizeof(d))
for i in range(1, 23):
    d[i] = i
    if i in (1, 6, 11, 22):
        print(i, sys.getsizeof(d))
