# gc.get_count() shows the generation counters; collect() resets them.
import gc
gc.collect()
print(gc.get_count())
def allocate():
    before = gc.get_count()[0]
    a = []
    b = {}
    c = [a, b]
    return gc.get_count()[0] - before
print("three containers:", allocate())
gc.collect(0)
print(gc.get_count())
gc.collect()
print(gc.get_count())
