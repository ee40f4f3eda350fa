# divmod and pow.
print(divmod(100, 7), divmod(-100, 7), divmod(100, -7))
print(pow(3, 4), pow(3, 4, 5), pow(2, -1), pow(2.0, 3))
q, r = divmod(125, 60)
print(f"{q} minutes {r} seconds")
print(pow(10, 18), 2 ** 62)
