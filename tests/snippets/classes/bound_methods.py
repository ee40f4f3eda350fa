# A bound method remembers its instance.
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "hello from " + self.name
g = Greeter("ada")
m = g.hello
print(m(), Greeter.hello(g))
print(m.__self__ is g)
