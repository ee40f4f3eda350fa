# A closure cell holds a reference to the captured object.
import sys
def make():
    data = [1, 2, 3]
    print("before closure:", sys.getrefcount(data))
    def get():
        return data
    print("after closure:", sys.getrefcount(data))
    return get
f = make()
print(sys.getrefcount(f()))
