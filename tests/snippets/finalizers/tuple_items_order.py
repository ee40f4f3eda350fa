# A tuple also releases its items last to first.
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
t = (Item(1), Item(2), Item(3))
t = None
print("end")
