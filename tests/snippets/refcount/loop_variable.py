# A for loop's variable keeps the last item alive.
import sys
items = [[i] for i in range(3)]
for it in items:
    pass
print(sys.getrefcount(items[0]), sys.getrefcount(items[2]))
del it
print(sys.getrefcount(items[2]))
