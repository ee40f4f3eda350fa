total = 0
print("before")
for i in range(10**12): total += i
