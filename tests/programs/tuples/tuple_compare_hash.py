a = (1, 2, (3, 4))
b = (1, 2, (3, 4))
print(a == b, a is b, a != (1, 2, (3, 5)), a < (1, 2, (3, 5)), a > (1, 2))
print((1, 2) < (1, 2.5), (0,) < (0, 0), (2,) > (1, 9, 9))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, (2,))) == hash((1, (2,))))
seen = {}
for t in [(1, 2), (2, 1), (1, 2), (3,), (), (1, 2)]:
    seen[t] = seen.get(t, 0) + 1
print(seen)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    {([1], 2): 3}
except TypeError as e:
    print("TypeError", e)
print(sorted([(2, "b"), (2, "a"), (1, "z")], reverse=True))
print(max([(1, "a"), (1, "b")]), min([((1, 2), 3), ((1, 1), 9)]))
