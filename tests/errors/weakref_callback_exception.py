import weakref
class Node:
    pass
def callback(ref):
    print('callback runs')
    raise KeyError('boom')
n = Node()
r = weakref.ref(n, callback)
print('start')
del n
print('after del', r())
print('end')
