# List comprehensions with filters.
nums = range(10)
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n % 2 else -n for n in nums])
print([c.upper() for c in "hey"])
