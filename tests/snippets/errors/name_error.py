# Using a name before it exists.
total = 0
for i in range(3):
    total += i
print(total)
print(grand_total)
