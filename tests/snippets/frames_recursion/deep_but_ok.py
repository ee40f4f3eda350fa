# 900 nested calls fit under the default limit.
def sum_to(n):
    return n + sum_to(n - 1) if n else 0
print(sum_to(900))
def depth_of(xs):
    return 1 + depth_of(xs[0]) if xs else 0
nested = []
for i in range(500):
    nested = [nested]
print(depth_of(nested))
