# Names are references: mutation is visible through every alias.
a = {"count": 0}
b = a
b["count"] += 1
print(a, a is b)
def bump(d):
    d["count"] += 1
bump(a)
print(b)
