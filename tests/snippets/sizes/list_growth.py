# Appending one at a time over-allocates: watch the capacity jump.
import sys
xs = []
last = sys.getsizeof(xs)
print(0, last, "capacity", (last - 56) // 8)
for i in range(1, 80):
    xs.append(i)
    size = sys.getsizeof(xs)
    if size != last:
        print(len(xs), size, "capacity", (size - 56) // 8)
        last = size
