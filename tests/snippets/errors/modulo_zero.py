# Integer modulo by zero.
# (The last line of stderr is what the test compares.)
n = 7
for d in [3, 2, 0]:
    print(n % d)
