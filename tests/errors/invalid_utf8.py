print("must not run")
s = "café"
print(s)
