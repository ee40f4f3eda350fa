# str() falls back to __repr__; containers always use repr of items.
class Node:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Node({self.v!r})"
n = Node("a")
print(str(n), [n, Node(1)], {"k": n}, (n,))
