class A:
    def __init__(self):
        raise ValueError('init failed')
    def __del__(self):
        print('del runs')
try:
    A()
except ValueError as e:
    print('caught', e)
print('end')
