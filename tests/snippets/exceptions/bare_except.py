# A bare except catches everything (use sparingly).
try:
    [][0]
except:
    print("caught something")
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
