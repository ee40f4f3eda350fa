# callable and isinstance with tuples of types.
class K:
    def __call__(self):
        return 1
for v in [len, K, K(), 3, "s", lambda: 0]:
    print(callable(v), isinstance(v, (int, str)))
