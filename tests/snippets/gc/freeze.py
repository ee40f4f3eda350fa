# gc.freeze moves everything tracked to the permanent generation, where
# collections no longer look; unfreeze puts it back into the oldest one.
import gc
gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0)
cycle = []
cycle.append(cycle)
del cycle
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
