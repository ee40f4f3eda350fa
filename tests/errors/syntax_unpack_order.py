print("must not run")
f(**x, *y)
