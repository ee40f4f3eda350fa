# Counting live instances with __init__ and __del__.
class Tracked:
    live = 0
    def __init__(self):
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1
a = Tracked()
b = Tracked()
print(Tracked.live)
del a
print(Tracked.live)
b = None
print(Tracked.live)
