# memplay-only: unsupported construct
a = 3
z = a + 4j
print(abs(z))
print(z.real, z.imag)
