# Returning a true value from __exit__ suppresses the exception.
class Ignore:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.kind)
with Ignore(KeyError):
    {}["missing"]
    print("not reached")
print("suppressed")
try:
    with Ignore(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)
