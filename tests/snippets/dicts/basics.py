# Dicts keep insertion order.
ages = {"ada": 36, "alan": 41}
ages["grace"] = 85
ages["ada"] = 37
print(ages, len(ages))
print(ages["alan"], "ada" in ages, "bob" not in ages)
del ages["alan"]
print(ages)
