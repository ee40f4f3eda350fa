# hex, oct, bin and int() with a base.
n = 255
print(hex(n), oct(n), bin(n))
print(hex(-42), bin(0))
print(int("ff", 16), int("0o17", 8), int("101", 2), int("0x1F", 16))
print(int("  42  "), int("-7"), int(3.99), int(-3.99), int(True))
print(0x10, 0o10, 0b10, 1_000_000)
