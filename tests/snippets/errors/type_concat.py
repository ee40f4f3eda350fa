# str + int is not allowed; convert with str() first.
# (The last line of stderr is what the test compares.)
count = 3
print("count: " + str(count))
print("count: " + count)
