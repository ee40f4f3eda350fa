# Turning automatic collection off and on.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = []
for i in range(2000):
    x = []
    x.append(x)
print("cycles left for later:", gc.collect() >= 1999)
gc.enable()
print(gc.isenabled())
