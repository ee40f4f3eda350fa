# type, isinstance, issubclass.
class A:
    pass
class B(A):
    pass
b = B()
print(type(b) is B, type(b) is A, isinstance(b, A), isinstance(b, (int, B)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, object), issubclass(bool, int))
print(type(1).__name__, type("s").__name__, type([]).__name__, type(type).__name__)
