import gc
l = []
for i in range(300000):
    l = [l]
l[0] = l
del l
print(gc.collect() >= 300000)
