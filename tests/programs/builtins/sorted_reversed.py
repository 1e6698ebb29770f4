print(sorted([5, 2, 8, 1]), sorted([5, 2, 8, 1], reverse=True), sorted("hello"), sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2}), sorted([[2, 1], [1, 2], [1]]), sorted([]))
print(sorted(["apple", "Bob", "cat"], key=str.lower), sorted([-3, 1, -2], key=abs, reverse=True))
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(5))))
print(list(reversed([])), "".join(reversed("stressed")))
r = reversed([1, 2, 3])
print(next(r), list(r))
lst = [3, 1, 2]
s = sorted(lst)
print(lst, s, s is lst)
print(sorted([0.5, -1, 3, 2.25]), sorted([True, False, True]))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
