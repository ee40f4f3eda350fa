# del removes one reference; the object is freed only at zero.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freeing", self.name)
a = Noisy("x")
b = a
print("del a")
del a
print("del b")
del b
print("done")
