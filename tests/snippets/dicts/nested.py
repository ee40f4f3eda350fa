# Nested dicts and lists.
inventory = {"fruit": {"apple": 3}, "veg": {}}
inventory["veg"]["leek"] = 2
inventory["fruit"]["pear"] = inventory["fruit"].get("pear", 0) + 5
print(inventory)
for section, things in inventory.items():
    print(section, sum(things.values()))
