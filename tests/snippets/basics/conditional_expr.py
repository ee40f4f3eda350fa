# Conditional expressions pick one branch; the other is never evaluated.
for n in range(-2, 3):
    kind = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, kind)
x = None
print(x.attr if x is not None else "no x")
