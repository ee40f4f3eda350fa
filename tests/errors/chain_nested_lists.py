head = None
for i in range(1000000):
    head = [head]
print('built')
del head
print('freed')
print(sum([1, 2, 3]))
