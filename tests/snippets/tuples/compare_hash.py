# Tuples compare lexicographically and hash by contents.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)))
d = {(0, 0): "origin"}
print(d[(0, 0)])
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
