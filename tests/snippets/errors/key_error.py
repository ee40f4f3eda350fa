# Looking up a missing dict key.
ages = {"ada": 36}
print(ages["ada"])
print(ages.get("bob"))
print(ages["bob"])
