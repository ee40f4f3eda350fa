# sum, abs, round.
print(sum(range(101)), sum([0.5, 0.25]), sum([[1], [2]], []))
print(abs(-3), abs(-2.5), round(3.14159, 2), round(-2.5), round(0.5))
prices = [19.99, 5.01, 0.5]
print(round(sum(prices), 2), sum(prices, 100))
print(round(1.5), round(2.5), round(-1.5), round(12.345, 1))
