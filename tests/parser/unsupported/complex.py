# memplay: SyntaxError: 'complex numbers' is not supported by memplay (line 2)
z = 3 + 4j
