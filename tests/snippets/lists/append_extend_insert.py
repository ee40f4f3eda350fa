# Lists grow in place: the list object stays the same.
nums = [3, 1]
alias = nums
nums.append(4)
nums.extend([1, 5])
nums.insert(0, 9)
nums.insert(100, 2)
nums.insert(-1, 6)
print(nums, alias is nums)
