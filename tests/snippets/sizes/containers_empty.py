# Empty containers.
import sys
print("()", sys.getsizeof(()))
print("(1,)", sys.getsizeof((1,)))
print("(1, 2, 3)", sys.getsizeof((1, 2, 3)))
print("[]", sys.getsizeof([]))
print("[1]", sys.getsizeof([1]))
print("{}", sys.getsizeof({}))
