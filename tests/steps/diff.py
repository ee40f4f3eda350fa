keep = [1, 2]
gone = [3, 4]
del gone
d = {}
x = [5]
del x
y = [6]
print(len(keep), len(d), len(y))
