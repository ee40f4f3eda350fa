# memplay-only: unsupported construct
# Ints are limited to 64 bits.
n = 123456789012345678901234567890
print(n * 2)
print("never printed")
