# ArithmeticError is the base of ZeroDivisionError and OverflowError.
print(issubclass(ZeroDivisionError, ArithmeticError))
def check(x):
    if x < 0:
        raise ArithmeticError("generic arithmetic problem")
check(1)
check(-1)
