# Only containers that can form cycles are tracked.
import gc
class A:
    pass
for name, v in [("int", 1), ("float", 1.5), ("str", "s"), ("object()", object()),
                ("list", []), ("instance", A()), ("empty dict", {}),
                ("dict of ints", {"a": 1}), ("dict with list", {"a": []}),
                ("tuple of list", ([],)), ("empty tuple", ()), ("set", set())]:
    print(name, gc.is_tracked(v))
