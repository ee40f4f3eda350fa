# min and max with key and default.
words = ["pear", "fig", "banana"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(3, 7, 5), min([], default=None), max([1, 2], default=0))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
