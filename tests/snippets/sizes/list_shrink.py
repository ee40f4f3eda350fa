# Popping shrinks the allocation once the list is less than half full.
import sys
xs = list(range(40))
xs.append(40)
print(len(xs), sys.getsizeof(xs))
while len(xs) > 5:
    before = sys.getsizeof(xs)
    xs.pop()
    if sys.getsizeof(xs) != before:
        print(len(xs), sys.getsizeof(xs))
