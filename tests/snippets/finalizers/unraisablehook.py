# sys.unraisablehook receives exceptions that nobody can catch.
import sys
def hook(info):
    print("hook:", info.exc_type.__name__, info.exc_value, info.object.__qualname__)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise KeyError("k")
Bad()
print("continuing")
