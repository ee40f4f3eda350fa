# dir() on a module returns sorted names.
import gc
names = dir(gc)
print(names == sorted(names))
print("collect" in names, "get_count" in names, "freeze" in names)
