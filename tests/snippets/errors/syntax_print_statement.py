# Python 2 style print.
# The snippet is compiled as a whole, so even line 1 never runs.
# (The last line of stderr is what the test compares.)
name = "world"
print "hello", name
