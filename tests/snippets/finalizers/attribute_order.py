# An instance's attributes are released in insertion order, after its __del__.
class Part:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free part", self.name)
class Machine:
    def __init__(self):
        self.engine = Part("engine")
        self.wheels = Part("wheels")
        self.seat = Part("seat")
    def __del__(self):
        print("free machine")
m = Machine()
del m
print("end")
