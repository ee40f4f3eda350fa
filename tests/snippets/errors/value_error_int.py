# int() of a non-number.
# The loop prints until the bad value.
# (The last line of stderr is what the test compares.)
for text in ["42", "-7", "x"]:
    print(int(text))
