def spin():
    n = 0
    while True:
        n += 1
print("before")
try:
    spin()
except BaseException:
    print("handler ran")
finally:
    print("finally ran")
print("after")
