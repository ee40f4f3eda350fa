# ord and chr convert between characters and code points.
print(ord("A"), ord("a"), ord("0"), ord("\n"), ord("é"))
print(chr(65), chr(97), chr(233), repr(chr(10)))
word = "hal"
print("".join(chr(ord(c) + 1) for c in word))
