# Converting infinity to an int.
big = float("inf")
print(big, big > 10 ** 18)
print(int(1e18))
print(int(big))
