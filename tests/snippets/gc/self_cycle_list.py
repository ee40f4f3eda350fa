# A list that contains itself is never freed by refcounting alone.
import gc
gc.collect()
a = []
a.append(a)
del a
print("collected:", gc.collect())
print("again:", gc.collect())
