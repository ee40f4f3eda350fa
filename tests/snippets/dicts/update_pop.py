# update, pop, popitem, clear, copy.
d = {"a": 1, "b": 2}
d.update({"b": 20, "c": 30})
d.update(d=40)
print(d)
print(d.pop("a"), d.pop("zz", "missing"), d)
print(d.popitem(), d)
e = d.copy()
d.clear()
print(d, e)
try:
    d.pop("nope")
except KeyError as err:
    print("KeyError:", err)
