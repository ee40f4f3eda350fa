# Slices with start, stop and step.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[::3], xs[::-1], xs[8:2:-2])
print(xs[100:], xs[-100:2])
part = xs[2:4]
part[0] = "changed"
print(part, xs[2])
