# Assigning to a call is a syntax error.
def f():
    return 1
print("never printed")
f() = 2
