# A dict releases its entries in insertion order.
class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free value", self.n)
d = {"z": V(1), "a": V(2), "m": V(3)}
d = None
print("end")
