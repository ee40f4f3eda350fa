# __del__ runs at most once per object (PEP 442), even if it resurrects.
survivors = []
class Lazarus:
    def __del__(self):
        print("__del__ called")
        survivors.append(self)
x = Lazarus()
del x
print("resurrected:", len(survivors))
survivors.clear()
print("freed for good")
