# Literal syntax for the built-in types.
print(42, -7, 3.25, 1e3, 2.5e-3)
print('single', "double", """triple""", '''also triple''')
print("tab\tend", "quote\"s", 'it\'s', "back\\slash")
print("\x41\u00e9", len("\n"))
print(True, False, None)
print([1, 2], (1, 2), (1,), (), {"k": 1}, {3}, [])
