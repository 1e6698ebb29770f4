import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heappush(h, x)
    print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data); print(data)
print(heapreplace(data, 10), data)
print(heappushpop(data, -1), heappushpop(data, 4), data)
tasks = []
for prio, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    heappush(tasks, (prio, name))
while tasks:
    print(heappop(tasks), end=" ")
print()
nums = [5, 1, 8, 3, 9, 2, 8]
print(nlargest(3, nums), nsmallest(3, nums), nlargest(0, nums), nsmallest(10, nums))
print(nlargest(2, ["aa", "b", "cccc"], key=len), nsmallest(2, [(1, "x"), (0, "y"), (1, "a")]))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge([], [1])))
print(list(merge(["a", "ccc"], ["bb"], key=len)), list(merge([5, 3, 1], [4, 2], reverse=True)))
try:
    heappop([])
except IndexError as e:
    print("IndexError", e)
