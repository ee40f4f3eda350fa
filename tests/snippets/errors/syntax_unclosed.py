# An unclosed bracket.
# (The last line of stderr is what the test compares.)
values = [1, 2, 3
print(values)
total = 0
