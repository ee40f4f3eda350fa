print('start')
for make in (lambda: [0] * (10**8), lambda: {i for i in range(10**6)}, lambda: list(range(10**7)),
             lambda: {i: i for i in range(10**6)}, lambda: [[] for i in range(10**6)]):
    try:
        x = make()
        print('allocated?!', len(x))
    except MemoryError:
        print('MemoryError')
blocks = []
try:
    while True:
        blocks.append('x' * 100000)
except MemoryError:
    n = len(blocks)
    blocks = None
    print('grew until MemoryError:', 10 < n < 100)
d = {i: str(i) for i in range(1000)}
print(len(d), d[999], sum(range(100)))
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
n = None
for i in range(1000):
    n = Node(n)
print(type(n).__name__, [1, 2, 3] * 2)
