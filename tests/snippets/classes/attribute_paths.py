# Attribute loads and stores in a loop, where the interpreter takes its
# fast path (inline values, no data descriptor), and every change that
# must send it back to the general path: a property added to the class
# later, a class attribute, deletion, a __dict__ made, __slots__, dunder
# names.
class P:
    def __init__(self, x):
        self.x = x
        self.y = 0


p = P(1)
total = 0
for i in range(5):
    p.y = p.y + p.x
    total += p.y
print(total, p.x, p.y)


def get_x(self):
    return 'property'


P.x = property(get_x)          # a data descriptor now wins over the value
print(p.x)
try:
    p.x = 5
except AttributeError:
    print('AttributeError')
del P.x
print(p.x)                     # the inline value again
P.y = 'class'
print(p.y)                     # the instance's own value still wins
del p.y
print(p.y)                     # now the class attribute
p.y = 3
print(p.y, p.__dict__)
p.__dict__['z'] = 9            # the dict made: no inline values any more
for i in range(3):
    p.z = p.z + 1
print(p.z, sorted(vars(p)))


class S:
    __slots__ = ('a',)


s = S()
for i in range(3):
    s.a = i
print(s.a)
try:
    s.b = 1
except AttributeError as e:
    print('AttributeError:', e)

for i in range(2):
    p.x = p.x + 1
print(p.x, p.__class__.__name__, type(p.__dict__).__name__)
