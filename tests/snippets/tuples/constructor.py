# tuple() and concatenation.
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
a = (1, 2)
b = a + (3,)
print(b, a * 2, a)
print(sorted((3, 1, 2)), tuple(sorted((3, 1, 2))))
