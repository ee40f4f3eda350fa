# Width, alignment and fill.
for word in ["a", "abc", "abcdef"]:
    print(f"|{word:<6}|{word:>6}|{word:^6}|{word:*^8}|")
print(f"|{42:5}|{42:<5}|{42:05}|{-42:05}|")
w = 7
print(f"|{'x':>{w}}|")
