d = {}
for i in range(100000):
    d = {'k': d}
try:
    s = str(d)
except RecursionError as e:
    print('caught:', e)
print('done')
