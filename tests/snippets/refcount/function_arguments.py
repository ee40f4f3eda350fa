# A call's argument adds references for the call's duration.
import sys
def peek(obj):
    return sys.getrefcount(obj)
thing = object()
print(sys.getrefcount(thing), peek(thing))
print(sys.getrefcount(thing))
