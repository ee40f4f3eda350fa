# gc.get_objects returns tracked objects; untracked ones are absent.
import gc
marker = ["find me"]
t = 12345
objs = gc.get_objects()
print(any(o is marker for o in objs), any(o is t for o in objs))
print(any(o is marker for o in gc.get_objects(0)) or any(o is marker for o in gc.get_objects(2)))
