# + and * build new strings.
a = "mem"
b = "play"
c = a + b
print(c, a * 3, 2 * "ab", "-" * 10)
print(c == "memplay", len(c))
s = ""
for ch in "abc":
    s += ch.upper()
print(s)
