# A string literal missing its closing quote.
# (The last line of stderr is what the test compares.)
print("never printed")
message = "hello
print(message)
