print('start')
x = [0] * (10**8)
print('not reached')
