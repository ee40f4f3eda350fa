# Removing duplicates while keeping order.
data = [5, 3, 5, 1, 3, 9]
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, sorted(set(data)), set() == set([]))
