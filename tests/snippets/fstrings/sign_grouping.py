# Sign and thousands separators.
for v in [1234567, -1234567, 0]:
    print(f"{v:+} {v: } {v:,} {v:+,}")
print(f"{1234567.891:,.2f}")
print(f"{-3.5:+.1f} {3.5:+.1f} {3.5: .1f}")
print(f"{1000000:>15,}|")
