# Calling something that is not a function.
def count():
    return 5
print(count())
count = count()
count()
