# repr of floats is the shortest string that round-trips.
values = [0.1, 1/3, 2/3, 1e16, 1e-5, 123456789.0, 1.0, -0.0, 1e22, 5e-324]
for v in values:
    print(repr(v), str(v))
print(float("1.5"), float("-inf"), float(" 2 "), float(7))
print(0.1 + 0.7, 1.1 * 3, 100.0 / 3)
