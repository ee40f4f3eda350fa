# chr, ord, hex, oct, bin.
print([chr(c) for c in range(97, 102)])
print([ord(c) for c in "AZ"], hex(4096), oct(64), bin(10))
# A Caesar shift using ord and chr.
shifted = "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in "xyzabc")
print(shifted)
