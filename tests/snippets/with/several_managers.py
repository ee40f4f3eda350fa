# Several managers exit in reverse order.
class M:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *exc):
        print("exit", self.n)
with M(1) as a, M(2) as b, M(3):
    print("body", a, b)
