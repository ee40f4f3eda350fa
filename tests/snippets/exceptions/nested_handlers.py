# An exception in a handler propagates outward.
try:
    try:
        int("nope")
    except ValueError:
        print("inner handler")
        raise RuntimeError("handler failed")
except RuntimeError as e:
    print("outer:", e, "| context:", repr(e.__context__))
