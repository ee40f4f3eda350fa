# sys.intern returns one shared string for equal values.
import sys
a = sys.intern("".join(["mem", "play", "-", "tutorial"]))
b = sys.intern("".join(["mem", "play", "-", "tutorial"]))
print(a == b, a is b)
c = "".join(["mem", "play", "-", "tutorial"])
d = "".join(["mem", "play", "-", "tutorial"])
print(c == d, c is d)
