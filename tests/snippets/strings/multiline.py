# Triple-quoted strings keep their newlines.
text = """first line
second line
third"""
lines = text.split("\n")
print(len(lines))
for i, line in enumerate(lines, 1):
    print(i, line.strip())
