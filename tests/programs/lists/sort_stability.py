people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
print(sorted(people))
print(sorted(people, key=lambda p: len(p[0])))
lst = people[:]
lst.sort(key=lambda p: p[0], reverse=True)
print(lst)
lst.sort(key=lambda p: p[1])
print(lst)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=lambda x: x * x, reverse=True))
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
data = [(i % 4, i) for i in range(20)]
data.sort(key=lambda t: t[0])
print(data)
print(sorted([3, 1, 2], reverse=False), sorted([]), sorted("zyx"), sorted((2, 1)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
