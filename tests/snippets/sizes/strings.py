# An ASCII string costs 49 bytes plus one per character.
import sys
for s in ["", "a", "abc", "hello world", "x" * 100]:
    print(len(s), sys.getsizeof(s))
word = "memory"
print(sys.getsizeof(word) - sys.getsizeof(""), len(word))
