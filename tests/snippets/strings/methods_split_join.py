# split, join, strip, replace.
line = "  alpha, beta ,gamma  "
parts = [p.strip() for p in line.split(",")]
print(parts)
print("-".join(parts))
print("a b  c".split(), "a b  c".split(" "), "a=b=c".split("=", 1))
print("a,b,c".rsplit(",", 1), "l1\nl2\n".splitlines())
print(repr(line.strip()), repr(line.lstrip()), repr(line.rstrip()))
print("xxhixx".strip("x"), "banana".replace("a", "o"), "banana".replace("a", "o", 1))
print("".join([]), ", ".join(["one"]))
