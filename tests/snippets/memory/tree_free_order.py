# Freeing a tree: parents release children in attribute order.
class N:
    def __init__(self, name, *kids):
        self.name = name
        self.kids = list(kids)
    def __del__(self):
        print("free", self.name)
root = N("root", N("a", N("a1"), N("a2")), N("b"))
del root
