# Commas make tuples; functions return several values as one tuple.
point = 3, 4
x, y = point
print(point, x, y)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 2, 8])
print(lo, hi, minmax([1]))
