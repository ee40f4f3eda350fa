# Set algebra (small ints print in a stable order).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, a.issubset({1}), a.issuperset({1, 2}), a.isdisjoint({9}))
