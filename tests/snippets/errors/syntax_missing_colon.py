# A syntax error: nothing runs.
# (The last line of stderr is what the test compares.)
print("never printed")
if True
    print("x")
