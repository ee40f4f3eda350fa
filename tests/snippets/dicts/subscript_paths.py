# Subscripts through the inline common cases (a list or tuple by an int,
# a dict by a str or int key) and the general path: negative indexes,
# misses, slices, and a key's __eq__ raising during a plain key's look-up.
d = {'a': 1, 2: 'two'}
l = [1, 2, 3]
t = (4, 5)
print(d['a'], d[2], l[-1], l[0], t[-2], l[1:], 'xyz'[-1])
for k in ('b', 3):
    try:
        d[k]
    except KeyError as e:
        print('KeyError', e)
for s, i in ((l, 3), (l, -4), (t, 2)):
    try:
        s[i]
    except IndexError as e:
        print('IndexError', e)
d['c'] = 3; l[-1] = 9
del d['a']
print(d, l)
class K:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        raise ValueError('eq')
e = {K(): 1}
try:
    e[5]
except ValueError as x:
    print('ValueError', x)
