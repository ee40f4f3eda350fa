# Comparisons, including chains: 1 < x < 10 evaluates x once.
x = 5
print(1 < x < 10, 1 < x > 10, x == 5.0, x != 5)
print(1 <= 1 < 2 <= 2)
print("abc" < "abd", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(3 > 2 > 1 > 0)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(0) < val(5))
print(calls)
