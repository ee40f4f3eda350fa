# Built-in values cannot be weakly referenced.
import weakref
for v in [1, 1.5, "s", (1,), [1], {"a": 1}, None, True, object()]:
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)
