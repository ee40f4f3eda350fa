# Precision and the f, e, g and % presentation types.
x = 3.14159265
print(f"{x:.2f} {x:.0f} {x:10.3f}|")
print(f"{x:e} {x:.2e} {12345.678:E}")
print(f"{x:g} {0.00001234:g} {1e20:g} {123456789.0:.3g}")
print(f"{0.256:%} {0.256:.1%}")
print(f"{2.5:.0f} {3.5:.0f} {1.005:.2f}")
