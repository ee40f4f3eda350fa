# A function that forgot to return something.
def find(xs, v):
    for x in xs:
        if x == v:
            return x
result = find([1, 2], 3)
print(result.x)
