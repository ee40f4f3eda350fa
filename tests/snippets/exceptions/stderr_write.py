# sys.stdout.write and sys.stderr.write.
import sys
n = sys.stdout.write("written directly\n")
print(n)
sys.stderr.write("this goes to stderr\n")
print("done")
