# A 1,000,000-long linked list is freed at once without overflowing the C stack.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next):
        self.value = value
        self.next = next
head = None
for i in range(1000000):
    head = Node(i, head)
print(head.value, head.next.value)
head = None
print("freed")
