# Bitwise operators on ints.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b)
print(a << 3, a >> 2, -a >> 1)
print(~0, ~255)
print(bin(a & b), bin(a | b), bin(a ^ b))
