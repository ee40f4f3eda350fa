# String comparison is lexicographic by code point.
words = ["pear", "Apple", "banana", "apple"]
print(sorted(words))
print(sorted(words, key=str.lower))
print("Z" < "a", "abc" < "abcd", "b" > "abc")
print("abc" == "ab" + "c")
