# Default values are evaluated once, when def runs.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
