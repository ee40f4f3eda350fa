# Locals die when the function returns, unless returned.
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
def f():
    a = R(1)
    b = R(2)
    return b
kept = f()
print("kept", kept.n)
del kept
print("end")
