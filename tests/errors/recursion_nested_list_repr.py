l = []
for i in range(100000):
    l = [l]
try:
    s = repr(l)
except RecursionError as e:
    print('caught:', e)
print('done')
