# Allocation churn of small objects: tuples, lists, floats and short strings
# created and freed at once, so pymalloc's free lists turn over constantly.
total = 0
for i in range(500000):
    t = (i, i + 1)
    xs = [i, t, i * 0.5]
    s = str(i)
    total += len(xs) + t[1] + len(s)
print(total)
