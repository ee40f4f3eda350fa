# WeakValueDictionary entries vanish when their values die.
import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
a = Image("a")
b = Image("b")
cache["a"] = a
cache["b"] = b
print(len(cache), cache["a"].name, "b" in cache)
del a
print(len(cache), "a" in cache, cache.get("a"))
b = None
print(len(cache))
