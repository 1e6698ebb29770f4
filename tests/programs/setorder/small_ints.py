print({3, 1, 2}, {10, 5, 7, 1}, {100, 1, 50}, set([9, 8, 7, 6, 5, 4, 3, 2, 1]))
print({-1, -2, 3}, {0, 8, 16, 1}, {2**40, 1, 2}, {1.5, 0.5, 2.0}, {True, 0, 2})
s = set()
for i in [31, 7, 15, 3, 99, 64, 32, 1, 0, 12]:
    s.add(i)
print(s, list(s), sorted(s) == list(s))
print(frozenset([5, 3, 1]), set(range(20, 0, -1)), {x * 7 % 13 for x in range(13)})
