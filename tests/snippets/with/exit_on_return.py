# __exit__ runs on return and break too.
class Guard:
    def __enter__(self):
        print("acquire")
    def __exit__(self, *exc):
        print("release")
def f():
    with Guard():
        return "returned"
print(f())
for i in range(5):
    with Guard():
        if i == 1:
            break
print("i =", i)
