class A:
    def __del__(self):
        print('del runs')
x = [A()]
try:
    x.pop() + 1
except TypeError as e:
    print('caught', e)
print('end')
