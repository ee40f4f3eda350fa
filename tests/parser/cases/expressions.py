a = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** -8
b = (a | 1) ^ (a & 2) << 3 >> 1
c = not a and b or not (a or b)
d = a < b <= c == a != b > c >= a
e = a is b, a is not b, a in b, a not in b
f = x if y else z if w else v
g = lambda x, y=1, *args, z, **kw: x + y
h = [1, 2, *rest], (1,), (), {}, {1, 2}, {'a': 1, **extra}
i = obj.attr.method(1, key=2, *args, **kwargs)[0][1:2][::3][1:2:3, ...]
j = [x * y for x in range(3) for y in range(x) if x if y]
k = {x: y for x, y in pairs}, {s for s in items}, (g for g in gen)
l = sum(x for x in range(10))
m = -x, +x, ~x, not x, x ** y ** z, -x ** 2
n = f"{a} and {b!r} and {c:>10} and {d!s:{width}.{prec}} {{literal}}"
o = 'single' "double" '''triple''' r'raw\d', b'\x00\xff'
p = (yield_ := 5)
q = a[1], a[-1], a[:], a[1:], a[:2], a[::2]
r = 0xff, 0o17, 0b101, 1_000, 1.5, .5, 1e3, 1.5e-3, 10.
s = x.y.z, f(x)(y), f()[0].g
t = [], [[]], [[1], [2, 3]]
u = print("hello", end="", sep=", ")
v = 'é' + "ü" + 'tab\tnewline\n' + "quote'" + 'dq"' + "\u1234\x41\101"
w = True, False, None, ...
