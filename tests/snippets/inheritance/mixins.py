# Mixins add behaviour through multiple inheritance.
class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
class Point(ReprMixin, EqMixin):
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(Point(1, 2), Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
