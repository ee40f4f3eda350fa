# vars() shows the instance dict; dir() lists names, sorted.
class Car:
    wheels = 4
    def __init__(self, make):
        self.make = make
        self.miles = 0
    def drive(self, n):
        self.miles += n
c = Car("volvo")
c.drive(10)
print(vars(c))
print([n for n in dir(c) if not n.startswith("_")])
