# while with break and continue.
n = 0
total = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 10:
        break
    total += n
print(n, total)
i = 3
while i:
    print("countdown", i)
    i -= 1
