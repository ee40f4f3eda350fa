# BaseException is the root of the hierarchy; nothing below catches it.
try:
    raise BaseException("the root")
except Exception:
    print("never here")
