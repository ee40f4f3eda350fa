# while ... else.
def is_prime(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
print([n for n in range(2, 30) if is_prime(n)])
