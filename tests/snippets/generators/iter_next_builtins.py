# iter() and next() on built-in containers.
it = iter([10, 20])
print(next(it), next(it), next(it, "default"))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
s = iter("hi")
print(next(s), next(s))
