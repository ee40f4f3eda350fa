# An explicit RuntimeError.
def check(state):
    if state != "ready":
        raise RuntimeError(f"bad state {state!r}")
check("ready")
check("broken")
