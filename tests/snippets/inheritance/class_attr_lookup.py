# Attribute lookup: instance, then class, then bases.
class Base:
    color = "red"
    size = 1
class Derived(Base):
    size = 2
d = Derived()
d.size2 = 3
print(d.color, d.size, d.size2)
Base.color = "blue"
print(d.color)
