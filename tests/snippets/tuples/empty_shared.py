# The empty tuple is a single shared object.
a = ()
b = tuple()
c = tuple([])
print(a is b, b is c, len(a))
