# Without the cycle collector, cycles would pile up.
import gc
gc.collect()
gc.disable()
for i in range(100):
    a = []
    b = [a]
    a.append(b)
del a, b
print("unreachable cycles found:", gc.collect())
gc.enable()
