# Dict comprehensions.
words = ["apple", "fig", "banana"]
print({w: len(w) for w in words})
print({k: v for k, v in zip("abc", range(3)) if v})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
