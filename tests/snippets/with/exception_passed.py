# __exit__ receives the exception; returning false lets it propagate.
class Watch:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit saw", exc_type.__name__ if exc_type else None, exc)
        return False
try:
    with Watch():
        raise ValueError("inside")
except ValueError as e:
    print("propagated:", e)
