# __eq__ and __hash__ make objects usable as dict keys.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): "one"}
print(d[Key(1)], Key(1) == Key(1), Key(1) != Key(2), Key(1) in {Key(1)})
class EqOnly:
    def __eq__(self, other):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
