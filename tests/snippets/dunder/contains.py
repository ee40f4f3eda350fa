# `in` uses __contains__ when defined.
class Evens:
    def __contains__(self, n):
        return n % 2 == 0
e = Evens()
print(4 in e, 5 in e, 7 not in e)
