# Subscripting None.
def load():
    pass
data = load()
print(data)
print(data[0])
