# abs, round, divmod, pow, min, max, sum.
print(abs(-7), abs(3.5), abs(-0.0))
print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(7.0))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(pow(2, 10), pow(2, 10, 1000), pow(2.0, -2))
print(min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3], 10))
print(min("banana", "apple", key=len), max([], default="empty"))
