# Cycles made in a loop trigger automatic collections; gc.callbacks sees
# each one, then an explicit gc.collect(): the trace's gc_log must agree.
import gc
gc.collect()
seen = []
def watch(phase, info):
    if phase == "stop":
        seen.append((info["generation"], info["collected"], info["uncollectable"]))
gc.callbacks.append(watch)
for i in range(2500):
    a = []
    b = [a]
    a.append(b)
del a, b
gc.collect()
gc.callbacks.remove(watch)
for generation, collected, uncollectable in seen:
    print(generation, collected, uncollectable)
