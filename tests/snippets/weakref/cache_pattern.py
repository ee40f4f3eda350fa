# A cache that does not keep its objects alive.
import weakref
class Big:
    made = 0
    def __init__(self, key):
        Big.made += 1
        self.key = key
cache = weakref.WeakValueDictionary()
def get(key):
    obj = cache.get(key)
    if obj is None:
        obj = Big(key)
        cache[key] = obj
    return obj
a = get("x")
b = get("x")
print(a is b, Big.made)
del a, b
c = get("x")
print(Big.made, len(cache))
