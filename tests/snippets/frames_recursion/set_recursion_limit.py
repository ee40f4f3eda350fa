# Raising the limit allows deeper recursion.
import sys
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
try:
    count(1500)
except RecursionError:
    print("1500 is too deep at the default limit")
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), count(1500))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
