# gc.callbacks are told when a collection starts and stops.
import gc
gc.collect()
def report(phase, info):
    print(phase, info["generation"], info["collected"], info["uncollectable"])
gc.callbacks.append(report)
a = []
a.append(a)
del a
gc.collect()
gc.collect(1)
gc.callbacks.remove(report)
gc.collect()
print("done")
