# !r and !s pick repr() or str().
s = "text"
print(f"{s} {s!s} {s!r}")
print(f"{[s]!s} {1.5!r} {None!r}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a point"
p = P()
print(f"{p} {p!r} {p!s}")
