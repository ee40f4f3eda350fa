# Deeply nested lists are freed without recursion problems.
root = []
cur = root
for i in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
del cur, nxt
print(len(root))
root = None
print("freed")
