a = {5, 3, 11, 19, 27, 35}
b = {3, 19, 99, 43, 1}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union(b, {7, 77}), a.intersection(b, {3}), a.difference(b, {5}), a.symmetric_difference([1, 2, 3]))
print(a.union([100, 64, 32]), a.intersection(range(20)), a.difference(range(10)), set(range(40, 0, -3)) & a)
words = {"pear", "apple", "fig", "kiwi", "plum", "date"}
print(words, words | {"lime"}, words - {"fig"}, sorted(words))
u = set()
u.update(range(50, 0, -7), "xyz")
print(len(u), sorted(map(str, u)), u - set("xyz"))
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
