# The object bound by `as` stays alive after the block; del releases it.
class Conn:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit")
    def __del__(self):
        print("Conn freed")
with Conn() as c:
    print("in block")
print("after block")
del c
print("end")
