# Dict-heavy code: inserting, looking up, updating and deleting str and int
# keys, iterating items, and dicts growing and shrinking.
counts = {}
words = ['w' + str(i % 997) for i in range(5000)]
for rep in range(180):
    for w in words:
        counts[w] = counts.get(w, 0) + 1
table = {}
for i in range(360000):
    table[i] = i * i
for i in range(0, 360000, 3):
    del table[i]
check = 0
for k, v in table.items():
    check = (check + k * 7 + v) % 1000000007
records = [{'id': i, 'name': words[i % 5000], 'score': i % 100} for i in range(180000)]
best = {}
for r in records:
    if r['score'] > best.get(r['name'], -1):
        best[r['name']] = r['score']
print(len(counts), counts['w5'], len(table), check, sum(best.values()))
