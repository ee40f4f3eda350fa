# A cycle through an instance's attribute dict.
import gc
gc.collect()
class Box:
    pass
b = Box()
b.items = {"box": b}
del b
print(gc.collect())
