# Rebinding: the old object is released after the new one is bound.
class Noisy:
    def __init__(self, name):
        print("create", name)
        self.name = name
    def __del__(self):
        print("free", self.name)
x = Noisy("first")
x = Noisy("second")
print("x is", x.name)
x = None
print("end")
