# Truthiness: empty containers, zero and None are false.
for v in [0, 1, 0.0, "", "a", [], [0], (), {}, None, True]:
    print(repr(v), bool(v))
print(True + True, True * 10, False == 0)
print(isinstance(True, int), int(False))
