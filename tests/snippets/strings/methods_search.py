# Searching inside strings.
s = "memory management"
print(s.find("m"), s.find("m", 1), s.rfind("m"), s.find("zzz"))
print(s.index("age"), s.count("m"), s.count("e"))
print(s.startswith("mem"), s.endswith("ment"), s.startswith(("x", "memo")))
print("age" in s, "xyz" not in s)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
