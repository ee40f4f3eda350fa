# Changing a dict's size while iterating over it is an error.
d = {"a": 1, "b": 2}
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    del d[k]
print(d)
