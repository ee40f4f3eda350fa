# finally runs even when the try block returns or breaks.
def f():
    try:
        return "from try"
    finally:
        print("finally ran")
print(f())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("cleanup", i)
