# Indexing and slicing strings makes new strings (one-character ones are cached).
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[1:7:3])
print(s[-3:], s[100:], repr(s[5:2]))
print(len(s), s[len(s) - 1])
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
