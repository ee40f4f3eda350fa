# f-strings evaluate expressions inside braces.
name = "memplay"
n = 3
print(f"{name} has {n} parts")
print(f"{n * 2} {n > 2} {name.upper()} {[n, n]}")
print(f"{{literal braces}} {n}")
