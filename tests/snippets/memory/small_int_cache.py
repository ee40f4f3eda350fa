# Small ints (-5..256) are shared; results of arithmetic are compared by ==.
a = 256
b = 255 + 1
print(a == b, a is b)
x = 1000
y = int("1000")
print(x == y, x is y)
