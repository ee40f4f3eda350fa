# Tuples are immutable sequences.
t = (1, "two", 3.0)
print(t, t[1], t[-1], t[:2], len(t))
print(t.index("two"), (1, 1, 2).count(1))
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
