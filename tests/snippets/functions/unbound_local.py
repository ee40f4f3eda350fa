# Assigning anywhere in a function makes the name local everywhere in it.
count = 0
def bump():
    try:
        count += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
bump()
