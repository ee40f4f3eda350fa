class Box:
    pass
def outer():
    data = [10]
    def inner():
        return data
    return inner
items = []
b = Box()
b.payload = [1, 2]
items.append(b.payload)
f = outer()
print(len([3, 4]))
