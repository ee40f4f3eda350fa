# A dict whose contents became untracked is untracked again by a full collection.
import gc
d = {"a": []}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
