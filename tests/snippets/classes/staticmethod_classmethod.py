# @staticmethod and @classmethod.
class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def is_freezing(deg):
        return deg <= 0
t = Temp.from_f(212)
print(t.deg, Temp.is_freezing(-1), t.is_freezing(5), type(t).__name__)
