# A mutable default is shared between calls.
def add_item(item, bucket=[]):
    bucket.append(item)
    return bucket
print(add_item(1))
print(add_item(2))
def add_item_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(add_item_safe(1), add_item_safe(2))
