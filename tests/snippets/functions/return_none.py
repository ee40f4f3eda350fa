# A function without return gives None.
def nothing():
    x = 1
def early(n):
    if n:
        return
    return "end"
print(nothing(), early(1), early(0))
