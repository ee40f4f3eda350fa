# Sets of strings: test membership instead of printing the order.
seen = set()
dups = []
for w in "a rose is a rose is a rose".split():
    if w in seen:
        dups.append(w)
    seen.add(w)
print(len(seen), sorted(seen), dups)
print("rose" in seen, "tulip" in seen)
