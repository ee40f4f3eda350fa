# One handler for several types.
def parse(v):
    try:
        return int(v)
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"
print(parse("12"), parse("x"), parse(None), sep="\n")
