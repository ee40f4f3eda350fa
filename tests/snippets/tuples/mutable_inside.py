# A tuple's items can be mutable objects.
t = ([1], [2])
t[0].append(10)
print(t)
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)
