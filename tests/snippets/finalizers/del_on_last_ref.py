# __del__ runs the moment the last reference goes away.
class File:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
def work():
    f = File("local.txt")
    print("working")
work()
print("after work()")
g = File("global.txt")
g = None
print("end")
