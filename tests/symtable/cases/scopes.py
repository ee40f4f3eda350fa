counter = 0


def outer():
    a = 1
    b = 2

    def middle():
        def inner():
            nonlocal a
            a += 1
            return a + b
        return inner
    return middle


def bump():
    global counter
    counter += 1


class Base:
    def greet(self):
        return "base"


class Child(Base):
    kind = "child"
    names = [kind for _ in range(3)]

    def greet(self):
        return super().greet() + __class__.kind

    def uses_class_var(self):
        kind = 1

        def f():
            return kind
        return f


def walrus(data):
    if any((hit := x) > 2 for x in data):
        return hit
    return [y := v for v in data]


total = sum(n for n in range(10) if (last := n))
adders = [lambda x, i=i: x + i for i in range(3)]
nested = lambda a: lambda b: a + b


def defaults(x=counter, *, y=len("abc")):
    try:
        pass
    except Exception as err:
        del err
    with open(x) as fh:
        import os.path
        from sys import argv as args
    return fh, os, args


def annotated(a: int, *args: str, **kw: float) -> bool:
    local: list = []
    other: dict
    return bool(local)
