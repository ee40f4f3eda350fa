# WeakKeyDictionary attaches data to objects without keeping them alive.
import weakref
class Widget:
    pass
extra = weakref.WeakKeyDictionary()
w1 = Widget()
w2 = Widget()
extra[w1] = "first"
extra[w2] = "second"
print(len(extra), extra[w1], w2 in extra)
del w1
print(len(extra), list(extra.values()))
