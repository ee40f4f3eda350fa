# A failing assert without a message.
def add(a, b):
    return a + b
assert add(1, 1) == 2
print("first assert passed")
assert add(1, 1) == 3
