# Weak references with callbacks: each object gets a weakref whose callback
# runs when the object dies; some die at once, some through the collector.
import gc
import weakref


class Thing:
    pass


fired = []


def on_death(ref):
    fired.append(1)


kept = []
for i in range(300000):
    t = Thing()
    r = weakref.ref(t, on_death)
    if i % 4 == 0:
        t.me = t
    kept.append(r)
    del t
gc.collect()
alive = 0
for r in kept:
    if r() is not None:
        alive += 1
print(len(fired), alive)
