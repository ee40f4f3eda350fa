# sort() works in place and returns None; sorted() makes a new list.
xs = [5, 2, 9, 1]
print(xs.sort(), xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
words = ["kiwi", "fig", "banana", "apple"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a")]
pairs.sort(key=lambda p: p[0])
print(pairs)
