# Generator expressions are consumed once.
gen = (x * 2 for x in range(4))
print(sum(gen), sum(gen))
print(list(x for x in "abc" if x != "b"))
print(max(len(w) for w in ["a", "abc", "ab"]))
