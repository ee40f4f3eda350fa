# Iterating over a string yields one-character strings.
vowels = 0
for ch in "memory allocator":
    if ch in "aeiou":
        vowels += 1
print(vowels)
print(list(reversed("abc")), sorted("cab"), next(enumerate("xy")))
print(max("hello"), min("hello"))
