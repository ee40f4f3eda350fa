# Padding and alignment methods.
print(repr("ab".center(6)), repr("ab".ljust(5, ".")), repr("ab".rjust(5)))
print("42".zfill(5), "-42".zfill(5))
print("a".join("xyz"), "x".partition("x"))
print("key=value".partition("="), "no-sep".partition("="))
