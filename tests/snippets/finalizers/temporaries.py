# Temporaries die at the end of the expression that made them.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free T", self.n)
    def value(self):
        return self.n * 10
print("value:", T(1).value())
print("sum:", T(2).value() + T(3).value())
print("end")
