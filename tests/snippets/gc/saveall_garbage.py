# DEBUG_SAVEALL keeps unreachable objects in gc.garbage instead of freeing them.
import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
a = ["payload"]
a.append(a)
del a
print(gc.collect())
print(len(gc.garbage), gc.garbage[0][0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.get_debug())
