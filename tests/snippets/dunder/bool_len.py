# Truthiness uses __bool__, then __len__.
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
class Plain:
    pass
print(bool(Empty()), bool(Falsy()), bool(Plain()))
print("yes" if Empty() else "no")
