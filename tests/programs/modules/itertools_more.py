from itertools import groupby, takewhile, dropwhile, starmap, compress, filterfalse, pairwise, tee

for key, group in groupby("AAAABBBCCDAABBB"):
    print(key, list(group))
print([k for k, g in groupby([1, 1, 2, 3, 3, 3])])
for key, group in groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"]), key=lambda s: s[0]):
    print(key, list(group))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(pairwise("ABCDE")), list(pairwise([1])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
