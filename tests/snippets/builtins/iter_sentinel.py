# iter() on a sequence object and next() with a default.
it = iter(range(3))
print(next(it), list(it), next(it, "exhausted"))
nested = iter([iter([1, 2])])
print(list(next(nested)))
