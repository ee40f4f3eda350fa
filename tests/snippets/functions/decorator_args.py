# A decorator factory takes arguments.
def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def tag(label):
    return lambda f: lambda: label + ":" + f()
@tag("a")
@tag("b")
def base():
    return "x"
print(base())
