# A dict starts untracked and becomes tracked when a container is inserted.
import gc
d = {}
print(gc.is_tracked(d))
d["n"] = 1
print(gc.is_tracked(d))
d["lst"] = []
print(gc.is_tracked(d))
