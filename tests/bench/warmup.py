# Warm-up for make bench: the same code is run, untimed, before each timed
# run by every runner (memplay native, memplay WASM, python3), so that the
# timed run measures steady-state speed: under node, V8 runs each WASM
# function in baseline code until its optimizing compiler has compiled it.
# Generic on purpose (no benchmark's code), and few objects live at once so
# that it does not grow the heap the timed run then uses.
import gc
import weakref


class Shape:
    def __init__(self, width, height=1):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


class Square(Shape):
    def __init__(self, side):
        super().__init__(side, side)


def scaler(factor):
    def scale(x, offset=0):
        return x * factor + offset
    return scale


def gone(ref):
    dead.append(ref)


dead = []
triple = scaler(3)
words = {}
acc = 0
for i in range(30000):
    s = Square(i % 13) if i % 2 else Shape(i % 17, height=3)
    other = Shape(s.area())
    s.peer = other
    other.peer = s
    ref = weakref.ref(other, gone)
    name = 'n' + str(i % 50)
    words[name] = words.get(name, 0) + triple(i, offset=2) % 7
    pair = (i, i * 0.25, [name, i])
    acc = (acc + len(pair) + pair[0] % 5 + len(pair[2])) % 1000003
    if i % 3 == 0:
        del words[name]
    del s, other
    if i % 1000 == 999:
        gc.collect()
        dead.clear()
for k, v in sorted(words.items()):
    acc += v
print(acc, sum(x * x for x in range(100)), len([w for w in words if w.endswith('1')]))
