# The default recursion limit is 1000.
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(1)
print(900 < d <= 1000)
