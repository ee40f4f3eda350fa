# Missing base case.
def countdown(n):
    if n == 995:
        print("getting deep")
    return countdown(n - 1)
countdown(1000)
