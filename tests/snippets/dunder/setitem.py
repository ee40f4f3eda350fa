# __setitem__ and __getitem__ on a custom mapping.
class Registry:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        print("set", key)
        self.data[key] = value
    def __getitem__(self, key):
        return self.data.get(key, "?")
r = Registry()
r["a"] = 1
r["b"] = [2]
print(r["a"], r["b"], r["c"])
