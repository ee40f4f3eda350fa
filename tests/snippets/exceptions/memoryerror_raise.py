# MemoryError and OverflowError can be raised and caught like any other.
try:
    raise MemoryError("pretend the heap is full")
except MemoryError as e:
    print("MemoryError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    raise SyntaxError("not really")
except SyntaxError as e:
    print("SyntaxError:", e)
