# Each active call holds its own locals until it returns.
class Tag:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("release frame", self.n)
def nest(n):
    t = Tag(n)
    if n < 3:
        nest(n + 1)
    print("return from", n)
nest(1)
