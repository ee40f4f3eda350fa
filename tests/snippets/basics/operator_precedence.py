# Precedence: ** binds tighter than unary minus; not binds loosely.
print(-2 ** 2, (-2) ** 2)
print(2 + 3 * 4, (2 + 3) * 4)
print(1 + 2 << 1, 1 | 2 & 3)
print(not 1 == 2)
print(2 ** 3 ** 2)
print(10 - 4 - 3, 100 / 10 / 5)
