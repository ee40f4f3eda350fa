# index and count search by equality.
xs = [4, 8, 15, 16, 23, 42, 8]
print(xs.index(8), xs.index(8, 2), xs.count(8), xs.count(99))
print(15 in xs, 99 not in xs)
try:
    xs.index(99)
except ValueError as e:
    print("ValueError:", e)
