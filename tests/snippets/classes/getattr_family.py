# getattr, setattr, hasattr, delattr.
class Box:
    pass
b = Box()
setattr(b, "width", 3)
print(getattr(b, "width"), getattr(b, "height", "none"), hasattr(b, "width"))
delattr(b, "width")
print(hasattr(b, "width"))
try:
    getattr(b, "width")
except AttributeError as e:
    print("AttributeError:", e)
