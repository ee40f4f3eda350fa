# Set comprehensions (of small ints, so the order is stable).
print({x % 5 for x in range(20)})
print({len(w) for w in "the quick brown fox".split()})
evens = {n for n in range(10) if n % 2 == 0}
print(evens, 4 in evens, len(evens))
print({n * n for n in [-2, -1, 0, 1, 2]})
