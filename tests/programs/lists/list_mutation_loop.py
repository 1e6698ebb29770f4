nums = list(range(20))
evens = []
for n in nums:
    if n % 2 == 0:
        evens.append(n)
print(evens)
i = 0
while i < len(nums):
    if nums[i] % 3 == 0:
        del nums[i]
    else:
        i += 1
print(nums)
lst = [1, 2, 3]
for x in lst:
    if x < 5:
        lst.append(x + 3)
print(lst)
data = [5, 3, 8, 1]
for idx in range(len(data)):
    data[idx] *= 10
print(data)
res = []
for x in [3, 1, 2]:
    res.insert(0, x)
print(res)
buf = [0] * 10
for k in range(10):
    buf[k] = k * k
    buf[k - 1] += 1
print(buf)
