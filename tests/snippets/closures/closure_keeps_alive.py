# The closure is the only thing keeping the list alive.
import sys
def holder():
    data = [1, 2, 3]
    def get():
        return data
    return get
g = holder()
print(g(), sys.getrefcount(g()))
del g
print("closure released")
