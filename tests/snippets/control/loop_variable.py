# The loop variable survives the loop.
for k in range(4):
    pass
print(k)
total = 0
for value in [10, 20, 30]:
    total += value
print(total, value)
