# sys.exit with a string prints it to stderr and exits with status 1.
import sys
config = {}
print("checking configuration")
if "path" not in config:
    sys.exit("fatal: missing configuration")
print("never printed")
