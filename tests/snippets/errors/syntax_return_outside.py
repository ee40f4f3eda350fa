# return is only allowed inside a function.
# (The last line of stderr is what the test compares.)
x = 1
print("never printed")
return x
