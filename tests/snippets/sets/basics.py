# Sets of small ints: duplicates vanish.
s = {3, 1, 2, 3, 1}
print(s, len(s))
s.add(4)
s.add(1)
s.discard(10)
s.remove(2)
print(s, 3 in s, 2 in s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
