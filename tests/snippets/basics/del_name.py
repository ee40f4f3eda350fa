# `del` only removes the name; the object lives on while referenced.
a = [1, 2, 3]
b = a
del a
print(b)
try:
    print(a)
except NameError as e:
    print("NameError:", e)
x, y = 1, 2
del x, y
print(b is not None)
