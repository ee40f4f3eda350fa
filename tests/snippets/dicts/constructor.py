# Ways to build a dict.
print(dict(a=1, b=2))
print(dict([("x", 1), ("y", 2)]))
print(dict(zip("abc", range(3))))
print(dict({"k": "v"}, extra=True))
print(dict.fromkeys(["a", "b"], 0))
print({}, dict())
