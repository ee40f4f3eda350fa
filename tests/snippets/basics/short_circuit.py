# `and` and `or` return one of their operands, not necessarily a bool.
print(0 or "default")
print("" or [] or None)
print(3 and 4)
print([] and "never")
print(not 0, not "x")
def loud(v):
    print("evaluated", v)
    return v
r = loud(0) and loud(1)
print(r)
r = loud(2) or loud(3)
print(r)
