# Indentation must match the block structure.
# (The last line of stderr is what the test compares.)
x = 1
    y = 2
print(x)
