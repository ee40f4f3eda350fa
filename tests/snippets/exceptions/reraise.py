# A bare raise re-raises the current exception.
def risky():
    try:
        return {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    risky()
except KeyError as e:
    print("outer got", repr(e))
