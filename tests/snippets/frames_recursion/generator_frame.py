# A generator's frame lives as long as the generator.
class Tag:
    def __del__(self):
        print("generator local freed")
def gen():
    t = Tag()
    yield 1
    yield 2
g = gen()
print(next(g))
print("generator suspended, local alive")
g = None
print("end")
