# The = specifier prints the expression too.
x = 10
y = [1, 2]
print(f"{x=}")
print(f"{x + 1=}")
print(f"{y=}, {len(y)=}")
