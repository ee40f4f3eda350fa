# Augmented assignment: ints make new objects, lists change in place.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 4; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 1.0
f /= 4; print(f)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
