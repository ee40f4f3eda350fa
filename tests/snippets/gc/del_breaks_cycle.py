# A __del__ that breaks the cycle: the objects are freed by refcounting
# once finalized, and collect() reports 0.
import gc
gc.collect()
class Breaker:
    def __del__(self):
        print("breaking the cycle")
        self.partner = None
x = Breaker()
x.partner = [x]
del x
print(gc.collect())
