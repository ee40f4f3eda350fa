class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        raise ValueError('boom in ' + self.name)
print('start')
a = A('a')
del a
print('after del')
def f():
    b = A('b')
    return 1
print(f())
c = A('c')
print('end')
