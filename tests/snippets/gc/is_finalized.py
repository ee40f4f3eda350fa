# gc.is_finalized tells whether __del__ already ran.
import gc
class F:
    def __del__(self):
        pass
keep = []
class Saver:
    def __del__(self):
        keep.append(self)
f = F()
print(gc.is_finalized(f))
s = Saver()
del s
print(len(keep), gc.is_finalized(keep[0]))
