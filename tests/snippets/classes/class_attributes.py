# Class attributes are shared until an instance shadows them.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
a = Dog("rex")
b = Dog("fido")
b.species = "wolf?"
print(a.species, b.species, Dog.species, Dog.count)
del b.species
print(b.species)
