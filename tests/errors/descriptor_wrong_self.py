# A builtin type's method called through the type with an object of
# another type: CPython's TypeError (memplay crashed here once).
for call in (lambda: list.append({}, 1), lambda: str.upper(5), lambda: dict.get([], 1)):
    try:
        call()
    except TypeError as e:
        print(e)
print(dict.get({'a': 1}, 'a'))
