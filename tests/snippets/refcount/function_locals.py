# Inside a function, locals and arguments are references.
import sys
def inspect(obj):
    print("in function:", sys.getrefcount(obj))
    local = obj
    print("with a local alias:", sys.getrefcount(obj))
data = {"k": [1]}
print("module level:", sys.getrefcount(data))
inspect(data)
print("after the call:", sys.getrefcount(data))
