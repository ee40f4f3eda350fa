# Exceptions carry args.
e = ValueError("bad", 42)
print(e.args, str(e), repr(e))
e2 = KeyError("k")
print(e2.args, str(e2), repr(e2))
print(repr(Exception()), str(Exception()), repr(RuntimeError("x")))
