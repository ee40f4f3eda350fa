a = 0x_ff + 0o17 + 0b1010 + 1_000_000 + 3.14 + .5 + 1e10 + 2.5E-3 + 7j + 1.
b = a ** 2 // 3 >> 1 << 2
a **= 2; a //= 3; a >>= 1; a <<= 1; a @= b
c = a != b and a <= b or a >= b
d = lambda *args, **kw: ...
e := 1
f = a -> b
