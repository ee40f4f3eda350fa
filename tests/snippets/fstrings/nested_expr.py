# Expressions with calls, subscripts and conditional expressions.
items = {"apple": 3, "pear": 0}
for k in items:
    print(f"{k:<6} {items[k]:>2} {'in stock' if items[k] else 'sold out'}")
nums = [1, 2, 3]
print(f"total={sum(nums)} max={max(nums)} len={len(nums)}")
print(f"{'-'.join(str(n) for n in nums)}")
