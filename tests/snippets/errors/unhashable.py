# A list as a dict key.
d = {}
d[(1, 2)] = "tuple keys are fine"
print(d)
d[[1, 2]] = "x"
