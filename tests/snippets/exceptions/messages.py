# CPython's standard messages.
tests = [
    lambda: undefined_name,
    lambda: 1 / 0,
    lambda: 5 % 0,
    lambda: [1, 2][3],
    lambda: (1,)[2],
    lambda: "ab"[5],
    lambda: {"a": 1}["b"],
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] + (2,),
    lambda: None.x,
    lambda: (5).append,
    lambda: int("x"),
    lambda: float("y"),
    lambda: len(5),
    lambda: next(iter([])),
    lambda: None(),
    lambda: [1] * "a",
    lambda: {}.pop(1),
    lambda: "abc".index("z"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
