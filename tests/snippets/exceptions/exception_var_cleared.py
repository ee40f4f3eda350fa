# The `as` name is deleted at the end of the handler.
try:
    1 / 0
except ZeroDivisionError as err:
    msg = str(err)
print(msg)
try:
    err
except NameError as e:
    print("NameError:", e)
