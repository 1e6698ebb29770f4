f = frozenset([3, 1, 2, 1])
print(len(f), sorted(f), 2 in f, type(f).__name__)
g = frozenset("abc")
print(sorted(g | frozenset("cd")), sorted(g & set("bcz")), type(g | {"x"}).__name__, type({"x"} | g).__name__)
d = {f: "frozen key"}
print(d[frozenset([1, 2, 3])])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(f == {1, 2, 3}, f <= {1, 2, 3, 4}, frozenset() == set())
print(sorted(f.union([9])), f.issubset(range(5)), sorted(f.difference({1})))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(sorted(frozenset()), len(frozenset(range(100))))
