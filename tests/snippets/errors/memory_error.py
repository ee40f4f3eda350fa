# MemoryError raised explicitly (a real one needs a small heap limit).
def allocate(n):
    if n > 10:
        raise MemoryError
    return [0] * n
print(len(allocate(5)))
allocate(100)
