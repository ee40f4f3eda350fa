# Freeing a container frees everything only it referenced.
class Leaf:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("leaf", self.n)
tree = [[Leaf(1), Leaf(2)], [Leaf(3)]]
keep = tree[1][0]
del tree
print("tree gone, kept leaf", keep.n)
del keep
print("end")
