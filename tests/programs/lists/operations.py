a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, a * 0, [] * 5, [0] * 5, a * -1)
print(3 in a, 6 in a, 6 not in a, [1, 2] in [[1, 2], 3])
print(len(a), min(a), max(a), sum(a), sorted(a + b, reverse=True))
print(a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 3], [3] > [2, 100])
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
shared = [[0] * 2] * 3
shared[0][0] = 9
print(shared)
a[0] = "x"
a[-1] = "z"
print(a)
del a[1]
print(a)
lst = list(range(10))
del lst[::3]
print(lst)
m = [1, 2]
m += [3]
m *= 2
print(m)
e = []
e.append(e) if False else None
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(3)), list())
for bad in [lambda: [1, 2][5], lambda: [][0], lambda: [1] + (2,), lambda: [1] * 1.5]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
