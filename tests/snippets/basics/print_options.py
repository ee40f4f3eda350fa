# print() with sep and end.
print(1, 2, 3)
print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("no newline", end="")
print(" -- continued")
print("x", "y", sep="-", end="!\n")
print()
print(*[1, 2, 3], sep=" | ")
