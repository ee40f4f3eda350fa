# get and setdefault avoid KeyError.
d = {"a": 1}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("b", []), d)
d.setdefault("b", []).append(2)
d.setdefault("a", 100)
print(d)
