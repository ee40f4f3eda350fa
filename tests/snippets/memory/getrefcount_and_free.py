# Watch the count go down to the point where the object is freed.
import sys
class Obj:
    def __del__(self):
        print("freed")
o = Obj()
refs = [o, o]
print(sys.getrefcount(o))
refs.pop()
print(sys.getrefcount(o))
refs.pop()
print(sys.getrefcount(o))
del o
print("end")
