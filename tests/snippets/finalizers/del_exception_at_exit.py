# An exception in __del__ during shutdown is reported on stderr too
# (here it is the last line, because the script exits with status 1).
import sys
class Bad:
    def __del__(self):
        raise ValueError("raised in __del__ at exit")
keep = Bad()
print("exiting with status 1")
sys.exit(1)
