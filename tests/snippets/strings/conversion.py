# Converting to and from strings.
print(str(42), str(-3.5), str(True), str(None), str([1, 2]))
print(int("42") + 1, float("2.5") * 2)
print(list("abc"), tuple("ab"))
print(str(), int(), float())
