import weakref
refs = []
class Node:
    def __init__(self):
        refs.append(weakref.ref(self, lambda r: print('callback runs')))
        raise ValueError('init failed')
try:
    Node()
except ValueError as e:
    print('caught', e)
print('end')
