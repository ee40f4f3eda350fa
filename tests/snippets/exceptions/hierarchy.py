# Catching by base class.
for exc in [ZeroDivisionError, OverflowError, IndexError, KeyError, UnboundLocalError, RecursionError]:
    print(exc.__name__, issubclass(exc, ArithmeticError), issubclass(exc, LookupError),
          issubclass(exc, NameError), issubclass(exc, RuntimeError), issubclass(exc, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(MemoryError, Exception), issubclass(ReferenceError, Exception))
