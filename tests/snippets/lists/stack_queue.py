# A list as a stack (append/pop at the end).
stack = []
for token in "3 4 + 2 *".split():
    if token in "+*":
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if token == "+" else a * b)
    else:
        stack.append(int(token))
print(stack)
