# An expression cut short.
# (The last line of stderr is what the test compares.)
print("never printed")
x = 1 +
print(x)
