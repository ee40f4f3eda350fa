# The same specs work through str.format.
row = "{:<8}{:>8.2f}{:>6}"
print(row.format("apples", 1.5, 3))
print(row.format("pears", 12.25, 10))
print("{:,}".format(10 ** 9), "{:.1%}".format(0.5))
