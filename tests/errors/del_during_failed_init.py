class A:
    def __init__(self):
        raise ValueError('init failed')
    def __del__(self):
        print('del runs')
print('start')
A()
