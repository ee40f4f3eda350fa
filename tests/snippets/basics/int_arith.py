# Integer arithmetic: every result is a new int object (or a cached small one).
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a // b, -a % b)
print(a ** 2, 2 ** 10, 2 ** -1)
print(-a, +a, ~a)
