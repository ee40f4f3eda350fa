# Module code that deletes and makes names each time round a loop: every
# read and store of the other names must still see the current binding.
total = 0
seen = []
for i in range(6):
    t = [i]
    total += t[0]
    if i % 2:
        extra = i * 10
        seen.append(extra)
        del extra
    del t
    try:
        print(t)
    except NameError as e:
        seen.append(str(e))
print(total, seen)

# a builtin read from the cache, then shadowed by a global, then freed again
def size(x):
    return len(x)
print(size([1, 2]))
len = lambda x: -1
print(size([1, 2]))
del len
print(size([1, 2, 3]))

# a name deleted while other names keep being read and stored
a, b, c = 1, 2, 3
for k in range(3):
    b = b + a
    del a
    a = k + c
    c = a + b
print(a, b, c)
