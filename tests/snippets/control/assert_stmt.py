# assert raises AssertionError when the condition is false.
def mean(xs):
    assert len(xs) > 0, "empty input"
    return sum(xs) / len(xs)
print(mean([1, 2, 3]))
try:
    mean([])
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e))
