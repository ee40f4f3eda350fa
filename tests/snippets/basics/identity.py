# `is` compares identity, `==` compares value.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a == c, a is c, a is b, a is not c)
print(None is None, type(None) is type(None))
d = c
c = None
print(d == a, c is None)
