# WeakSet forgets dead members.
import weakref
class Listener:
    def __init__(self, n):
        self.n = n
listeners = weakref.WeakSet()
keep = [Listener(i) for i in range(3)]
for l in keep:
    listeners.add(l)
print(len(listeners))
keep.pop()
print(len(listeners))  # still 3: the loop variable l holds the last one
del l
print(len(listeners))
keep.clear()
print(len(listeners))
