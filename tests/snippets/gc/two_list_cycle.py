# Two lists referring to each other: both found unreachable.
import gc
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())
