# Integer presentation types d, x, o, b.
n = 255
print(f"{n:d} {n:x} {n:X} {n:o} {n:b}")
print(f"{n:#x} {n:#o} {n:#b}")
print(f"{n:08b} {n:>8x}|")
print(f"{5:03d} {-5:3d}|")
