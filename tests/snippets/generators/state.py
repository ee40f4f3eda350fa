# Locals survive between resumptions.
def running_mean():
    total = 0
    count = 0
    while count < 4:
        total += count * 10
        count += 1
        yield total / count
print([round(m, 2) for m in running_mean()])
