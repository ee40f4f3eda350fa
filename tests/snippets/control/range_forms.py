# range(stop), range(start, stop), range(start, stop, step).
print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)))
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], 15 in r, 16 in r)
print(list(range(0)), list(range(5, 2)))
for i in range(3):
    print("i =", i)
