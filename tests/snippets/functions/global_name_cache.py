# Names looked up from a function are cached per code object; every way a
# module's globals or the builtins change must show through at once.
def show():
    return len([1, 2, 3]), counter


counter = 0
for i in range(3):
    counter += 1
    print(show())

len = lambda xs: -1          # a global now shadows the builtin
print(show())
del len                      # and the builtin shows through again
print(show())

del counter
try:
    show()
except NameError as e:
    print(e)


def bump():
    global counter
    counter = 10
    counter += 5
    return counter


print(bump(), counter)
for n in range(40):          # enough new globals to resize the table
    globals()['g' + str(n)] = n
print(show(), g39)

import builtins
builtins.extra = 'late builtin'


def late():
    return extra


print(late())
del builtins.extra
try:
    late()
except NameError as e:
    print(e)

# The same name loaded from the builtins and then stored by the same code
# (the module's): the store must not use the builtins entry.
print(abs(-4))
abs = 'shadowed'
print(abs)
del abs
print(abs(-5))
