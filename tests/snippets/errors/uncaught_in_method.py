# A traceback through several frames.
class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()
def drain(s):
    while True:
        print(s.pop())
s = Stack()
s.items.extend([1, 2])
drain(s)
