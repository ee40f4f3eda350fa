# More than a million steps: objects made and dropped, a growing list,
# dict updates and collections; the seek benchmark's run.
class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt

keep = []
table = {}
head = None
for i in range(12000):
    head = Node(i, head if i % 7 else None)
    table[i % 500] = [i, str(i)]
    if i % 3 == 0:
        keep.append((i, head))
    if i % 1000 == 0:
        a = []
        a.append(a)
        del a
print(len(keep), len(table), head.value)
