# get_referents lists what an object points to; get_referrers the reverse.
import gc
x = ["leaf"]
holder = [x, 42]
print(gc.get_referents(holder))  # a list is traversed last item first
print(any(r is holder for r in gc.get_referrers(x)))
d = {"key": x}
print(len(gc.get_referents(d)))
