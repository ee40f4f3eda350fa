# An exception in __del__ is not fatal; the uncaught error at the end is.
class Bad:
    def __del__(self):
        raise ValueError("in __del__")
Bad()
print("still running")
raise KeyError("real error")
