# __enter__ and __exit__ drive the with statement.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"</{self.name}>")
        return False
with Tag("p") as t:
    print("inside", t.name)
