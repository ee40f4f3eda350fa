# memplay-only: unsupported construct
# Sending values into a generator with (yield).
def echo():
    received = (yield "ready")
    print("got", received)
g = echo()
print(next(g))
