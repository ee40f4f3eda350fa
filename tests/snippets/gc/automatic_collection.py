# Allocating many containers triggers generation-0 collections by itself.
import gc
gc.collect()
runs = []
gc.callbacks.append(lambda phase, info: runs.append(info["generation"]) if phase == "stop" else None)
for i in range(1000):
    node = []
    node.append(node)
gc.callbacks.clear()
print(len(runs) >= 1, runs[0])
