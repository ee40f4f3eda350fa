# Only hashable objects go into sets.
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
s = set()
try:
    s.add({})
except TypeError as e:
    print("TypeError:", e)
s.add((1, 2))
print(s)
