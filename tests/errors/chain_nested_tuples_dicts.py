t = None
for i in range(500000):
    t = (t,)
del t
print('tuples freed')
d = None
for i in range(500000):
    d = {'n': d}
del d
print('dicts freed')
