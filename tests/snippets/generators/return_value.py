# A generator's return value rides on StopIteration.
def g():
    yield "a"
    return "finished"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)
