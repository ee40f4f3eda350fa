# Removing items.
items = ["a", "b", "c", "d", "b"]
print(items.pop(), items.pop(0), items)
items.remove("b")
print(items)
del items[0]
print(items)
items.clear()
print(items, len(items))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
