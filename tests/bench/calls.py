# Function calls: Python-to-Python calls with positional, default and keyword
# arguments, a closure and recursion.
def add(a, b, c=1):
    return a + b + c


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


bump = make_counter()
acc = 0
for i in range(600000):
    acc = add(acc, i) % 1000003
    acc = add(acc, b=i, c=2) % 1000003
    bump(2)
print(acc, bump(0), fib(25))
