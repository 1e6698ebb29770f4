pairs = [("a", 1), ("b", 2), ("c", 3)]
for name, val in pairs:
    print(name * val)
d = dict(pairs)
for k, v in d.items():
    print(k, v)
for i, (name, val) in enumerate(pairs, start=1):
    print(i, name, val)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
total = 0
for x, y, z in zip(range(3), range(3, 6), range(6, 9)):
    total += x * y * z
print(total)
matrix = [[1, 2, 3], [4, 5, 6]]
for first, *others in matrix:
    print(first, others)
names = ["x", "y"]
values = [10, 20]
for n, v in zip(names, values):
    print(n + "=" + str(v))
