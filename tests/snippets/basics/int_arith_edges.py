# Floor division, modulo and comparisons of ints with every sign, at the
# edges of 64 bits, and the errors of dividing by zero (the interpreter's
# inline int path and the general path must agree).
vals = [-7, -1, 0, 1, 7, 300, -300, 2**62, -2**62, -2**62 * 2]
for a in vals:
    row = []
    for b in [-300, -7, -1, 1, 7, 300]:
        if a == -2**62 * 2 and b == -1:
            continue
        row.append((a // b, a % b, a < b, a <= b, a > b, a >= b, a == b, a != b))
    print(a, row)
for op in ('//', '%'):
    try:
        print(5 // 0 if op == '//' else 5 % 0)
    except ZeroDivisionError as e:
        print(op, e)
x = 2**62
x += x - 1
print(x, x * 1 - 2**62)
m = -2**62 * 2
print(m % 7, m % -7, m % -1, m % 2**62, (m + 1) % -300)
# products at the edges of 32 and 64 bits (small factors take a shortcut)
for a in [2**31 - 1, -2**31, 2**31, -2**31 - 1, 3037000499, -3037000499, -1, 0]:
    print([a * b for b in [2**31 - 1, -2**31, 2**31, 3037000499, -3037000499, 3, -4, 0]])
print(2**61 * 3, 2**61 * -4, 2**62 * -2, -2**62 * 2 * 1, (2**31 - 1) * (2**31 + 1) * 2)
