# The comprehension variable does not leak.
x = "outer"
squares = [x * x for x in range(3)]
print(squares, x)
n = 10
print([n + i for i in range(3)])
