# str() is for people, repr() for programmers.
s = "it's"
print(str(s), repr(s))
print(repr('say "hi"'), repr("both ' and \""), repr("tab\t"), repr("nl\n"))
print(str(1.5), repr(1.5), str([1, "a"]), repr((None, True)))
print(repr("\\"), repr(""))
