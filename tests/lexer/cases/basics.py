def f(a, b=1):
    x = [1,
         2]  # c
    return f"{a!r:>4}" + 'it\'s'

if x:
  pass
