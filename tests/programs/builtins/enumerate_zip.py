print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-2)))
print(list(enumerate([])), dict(enumerate("xy")))
for i, (a, b) in enumerate(zip("ab", "cd"), 10):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip([], [1])))
print(list(zip(range(3), range(10, 13), range(20, 23), "xyz")))
names = ["a", "b", "c"]
scores = [90, 80]
print(dict(zip(names, scores)))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
