# bytes literals (optional in memplay): immutable sequences of small ints.
data = b"abc"
print(data, len(data), data[0], type(data).__name__)
print(b"a" + b"b", b"x" * 3, data == b"abc")
print(list(data), data[1:])
print(b"\x00\xff", len(b"\x00\xff"))
