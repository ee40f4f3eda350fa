# LookupError and ArithmeticError catch their families.
for action in [lambda: [1][5], lambda: {}["k"], lambda: 1 // 0, lambda: int(float("inf"))]:
    try:
        action()
    except LookupError as e:
        print("LookupError family:", type(e).__name__, e)
    except ArithmeticError as e:
        print("ArithmeticError family:", type(e).__name__, e)
