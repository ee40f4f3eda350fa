# Chaining generators: nothing runs until values are pulled.
def numbers(n):
    for i in range(n):
        print("produce", i)
        yield i
def squares(xs):
    for x in xs:
        yield x * x
pipe = squares(numbers(3))
print("pipeline built")
for v in pipe:
    print("got", v)
