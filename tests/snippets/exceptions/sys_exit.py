# sys.exit raises SystemExit, which try/finally sees.
import sys
try:
    sys.exit(0)
except BaseException as e:
    print(type(e).__name__, "code", e.code)
try:
    print("exiting")
finally:
    print("cleanup before exit")
sys.exit()
print("never printed")
