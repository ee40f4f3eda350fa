# __len__ and __getitem__ make a sequence.
class Squares:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("out of range")
        return i * i
s = Squares(5)
print(len(s), s[3], list(s), 16 in s, bool(Squares(0)))
