# A re-entrant counter as a context manager.
class Depth:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self.level
    def __exit__(self, *exc):
        self.level -= 1
d = Depth()
with d as one:
    with d as two:
        print(one, two, d.level)
    print(d.level)
print(d.level)
