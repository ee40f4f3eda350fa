# int + str.
# (The last line of stderr is what the test compares.)
n = 1
print(n + int("1"))
print(n + "1")
