# `pass` does nothing: placeholders for empty blocks.
def todo():
    pass
class Empty:
    pass
for i in range(3):
    pass
print(todo(), i, type(Empty()).__name__)
