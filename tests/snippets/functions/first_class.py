# Functions are objects: store them, pass them, return them.
def double(x):
    return 2 * x
def apply(f, values):
    return [f(v) for v in values]
ops = {"double": double, "neg": lambda x: -x}
for name, op in ops.items():
    print(name, apply(op, [1, 2, 3]))
print(double.__name__, callable(double), callable(42))
