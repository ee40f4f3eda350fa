# setrecursionlimit rejects values below 1.
import sys
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.getrecursionlimit())
