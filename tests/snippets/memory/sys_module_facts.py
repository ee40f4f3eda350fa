# A few sys facts that do not depend on the machine.
import sys
print(sys.version_info[0], sys.version_info[1], sys.version_info >= (3, 11))
print(sys.maxsize, len(sys.argv))
print(sys.getrecursionlimit())
