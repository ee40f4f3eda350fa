# A generator expression as the only argument needs no extra parentheses.
print(sum(x * x for x in range(5)))
print(any(c.isdigit() for c in "abc1"), all(c.isalpha() for c in "abc1"))
print(sorted((-x for x in [3, 1, 2])))
print(", ".join(str(i) for i in range(4)))
