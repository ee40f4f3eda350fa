# object() is the simplest instance; it has no __dict__.
o = object()
print(type(o).__name__, isinstance(o, object), hasattr(o, "__dict__"))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
sentinel = object()
print(sentinel is sentinel, sentinel == object())
