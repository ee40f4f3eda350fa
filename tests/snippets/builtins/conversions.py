# Constructors convert between types.
print(int("12"), float("1.5"), str(12), bool(""), bool("0"))
print(list((1, 2)), tuple([1, 2]), set([1, 1, 2]), frozenset([2]), dict([(1, 2)]))
print(int(2.9), int(-2.9), float(2), round(2.9))
print(str(3.0), str(-0.5), repr("3"), int("-0"), float("1e3"))
