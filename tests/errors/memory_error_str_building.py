print('start')
for make in (lambda: 'ab' * (10**8), lambda: 'abc'.replace('b', 'b' * 10**8),
             lambda: f'{1:>100000000}', lambda: 'xy' * (10**10)):
    try:
        s = make()
        print('allocated?!', len(s))
    except MemoryError:
        print('MemoryError')
print('end', 'ab' * 3)
