for i in range(3):
    pass
print(i)
for i in range(10, 0, -3):
    pass
print(i)
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
for x, y in [(1, 2), (3, 4)]:
    x, y = y, x
print(x, y)
k = 100
for k in []:
    pass
print(k)
items = ["a", "b", "c"]
for idx in range(len(items)):
    items[idx] = items[idx] * (idx + 1)
print(items)
for i in range(3):
    i = i * 100
    print(i, end=" ")
print()
r = range(5)
for v in r:
    if v == 2:
        r = range(100)
print(v, len(r))
