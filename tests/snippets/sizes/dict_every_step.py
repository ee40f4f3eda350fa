# Watch every resize of a growing dict.
import sys
d = {}
last = sys.getsizeof(d)
for i in range(50):
    d["k" + str(i)] = i
    size = sys.getsizeof(d)
    if size != last:
        print("at", len(d), "items:", last, "->", size)
        last = size
