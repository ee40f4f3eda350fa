# Views follow the dict.
d = {"x": 1, "y": 2}
keys = d.keys()
d["z"] = 3
print(list(keys), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, "->", v)
print(len(keys), "z" in keys)
