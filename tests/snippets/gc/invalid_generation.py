# gc.collect accepts generations 0, 1 and 2.
import gc
for g in (0, 1, 2):
    print(g, gc.collect(g) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
