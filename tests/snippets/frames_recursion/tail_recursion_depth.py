# Python does not eliminate tail calls: an iterative loop has no depth limit.
def loop_sum(n):
    total = 0
    while n:
        total += n
        n -= 1
    return total
print(loop_sum(100000))
