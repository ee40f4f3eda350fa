# frozenset is immutable and hashable.
f = frozenset([1, 2, 2, 3])
print(f, len(f), 2 in f)
d = {f: "a key"}
print(d[frozenset({3, 2, 1})])
print(f | {4}, type(f | {4}).__name__)
try:
    f.add(5)
except AttributeError as e:
    print("AttributeError:", e)
