# *args collects positional arguments into a tuple, **kwargs keywords into a dict.
def show(*args, **kwargs):
    print(args, kwargs)
show()
show(1, 2)
show(a=1, b=2)
show(1, *[2, 3], x=4, **{"y": 5})
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))
