# An object resurrected by __del__ survives; __del__ never runs twice.
import gc
gc.collect()
saved = []
class Phoenix:
    def __del__(self):
        print("__del__ runs")
        saved.append(self)
p = Phoenix()
p.me = p
del p
print("collect:", gc.collect())
print("saved:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("collect again:", gc.collect())
