# Strings are immutable: every method returns a new string.
s = "Hello, World"
print(s.upper(), s.lower(), s.title(), s.swapcase(), s.capitalize())
print(s.isupper(), "abc".islower(), "123".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace())
print(s)
