# Iterate over a copy when removing items.
xs = [1, 2, 3, 4, 5, 6]
for x in xs[:]:
    if x % 2 == 0:
        xs.remove(x)
print(xs)
ys = [1, 2, 3, 4]
for y in ys:
    if y == 2:
        ys.remove(y)
print(ys)
