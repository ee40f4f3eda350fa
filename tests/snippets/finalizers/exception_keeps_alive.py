# A traceback keeps frames, and so their locals, alive until the handler ends.
class R:
    def __del__(self):
        print("R freed")
def fail():
    r = R()
    raise ValueError("x")
try:
    fail()
except ValueError:
    print("in handler")
print("after handler")
