# Unpacking: exact tuples and lists of the right size (their items taken
# directly, no iterator made), other iterables, and the errors of a wrong
# size or a value that is not iterable.
a, b = (1, [2])
c, d = [3, 4]
x, y, z = 'abc'
p, *q = (1, 2, 3)
try:
    e, f = (1, 2, 3)
except ValueError as ex:
    print(ex)
try:
    e, f = [1]
except ValueError as ex:
    print(ex)
try:
    e, f = 5
except TypeError as ex:
    print(ex)
g, h = iter((7, 8))
for k, v in {'a': 1}.items():
    print(k, v)
print(a, b, c, d, x, y, z, p, q, g, h)
