# object, type and issubclass on the built-in hierarchy.
print(issubclass(int, object), issubclass(bool, int), issubclass(list, object))
print(isinstance(None, object), isinstance(type, object), type(object).__name__)
print(str.upper("x"), list.__name__)
class Mine:
    pass
print(type(Mine).__name__, Mine.__name__, isinstance(Mine(), object))
