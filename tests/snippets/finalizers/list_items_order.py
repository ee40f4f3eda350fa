# A list releases its items last to first.
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free item", self.n)
items = [Item(i) for i in range(4)]
del items
print("end")
