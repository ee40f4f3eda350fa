import os
import os.path as p, sys
from collections import OrderedDict as OD, deque
from . import sibling
from ..pkg import (a, b,)
x = y = z = 0
a, b = b, a
[c, d] = e
(f, *g) = h
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
n: int = 5
m: list
obj.attr = 1
obj[key] = 2
del x, obj.attr, obj[key]
del (a, b), [c]
assert x, "message"
assert y
pass
global g1, g2


def f(a, b=2, *args, c, d=4, **kwargs) -> int:
    """docstring"""
    nonlocal_free = 1
    return a


def g(a, b, /, c, *, d):
    return


def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)


@decorator
@decorator.with_args(1)
class C(Base, metaclass=Meta):
    attr = 1

    def method(self):
        return self.attr


class D:
    pass


if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2

while x > 0:
    x -= 1
    if x == 5:
        break
    continue
else:
    done = True

for i in range(10):
    pass
else:
    pass

for k, v in d.items():
    print(k, v)

try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise RuntimeError("bad") from e
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    x = 1
finally:
    pass

with open(f) as fh, lock:
    data = fh.read()

with ctx() as (a, b):
    pass

if x: y = 1; z = 2
while False: pass
for _ in []: continue


def closure():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc
