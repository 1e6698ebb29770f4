t = tuple(range(10))
print(sum(t), [x for x in t if x % 3 == 0], t[2:8:2], t[::-3])
total = 0
for a, b in ((1, 2), (3, 4), (5, 6)):
    total += a * b
print(total)
print(tuple(x * x for x in range(5)), tuple(map(str, (1, 2))))
it = iter((7, 8))
print(next(it), next(it), next(it, None))
print(list(enumerate(("a", "b"), 10)), tuple(zip((1, 2), (3, 4), (5, 6))))
print(len(((),) * 4), (("x",) * 3))
coords = ((0, 0), (3, 4), (6, 8))
print([(x * x + y * y) ** 0.5 for x, y in coords])
