# Names assigned in a function are local to it.
x = "global"
def f():
    x = "local"
    return x
def g():
    return x
print(f(), g(), x)
