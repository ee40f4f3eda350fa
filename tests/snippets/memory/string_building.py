# Building a string with join avoids many intermediate strings.
parts = []
for i in range(5):
    parts.append(str(i))
s = ",".join(parts)
print(s, len(s))
acc = ""
for p in parts:
    acc = acc + p
print(acc)
