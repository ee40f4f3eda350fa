# In-place variants and pop/clear.
s = {1, 2}
s.update([3, 4], (5,))
print(s)
s.intersection_update({1, 2, 3, 9})
print(s)
s.difference_update({1})
print(s)
c = s.copy()
s.clear()
print(s, c, sorted(c))
