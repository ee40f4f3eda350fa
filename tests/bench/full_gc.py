# Full collections over 300,000 tracked objects: 150,000 small lists each in
# a cycle with a dict.  Three full collections find them all reachable; then
# half become unreachable and the last one frees them.
import gc

gc.disable()
keep = []
for i in range(150000):
    d = {'i': i}
    box = [d, i]
    d['box'] = box
    keep.append(box)
del d, box
found = 0
for rep in range(3):
    found += gc.collect()
for i in range(0, 150000, 2):
    keep[i] = None
freed = gc.collect()
print(len(keep), found, freed)
gc.enable()
