# hash of numbers and tuples is deterministic.
print(hash(1), hash(0), hash(-1), hash(1.0), hash(True), hash(1.5))
print(hash((1, 2)) == hash((1, 2)), hash(10 ** 6))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
