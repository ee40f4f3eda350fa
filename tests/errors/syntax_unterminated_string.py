print("a")
x = "abc
