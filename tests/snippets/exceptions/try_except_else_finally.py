# Which blocks run when.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "failed"
    else:
        print("else")
        return r
    finally:
        print("finally")
print(attempt(2))
print(attempt(0))
