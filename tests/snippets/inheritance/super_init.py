# super().__init__ chains constructors.
class Base:
    def __init__(self, x):
        print("Base.__init__")
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        print("Child.__init__")
        super().__init__(x)
        self.y = y
c = Child(1, 2)
print(c.x, c.y)
