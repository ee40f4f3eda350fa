# clear() empties the same list; rebinding leaves other aliases intact.
a = [1, 2, 3]
alias = a
a = []
print(alias, a)
b = [1, 2, 3]
alias2 = b
b.clear()
print(alias2, b)
