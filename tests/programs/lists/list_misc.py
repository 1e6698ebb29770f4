a = [None] * 4
a[2] = "two"
print(a)
b = [1, 2, 3, 4, 5]
b[1:3] = ["x", "y", "z"]
print(b)
b[::2] = [0, 0, 0]
print(b)
print(b.index("z"), "y" in b)
c = [[1, 2], [1, 2]]
print(c[0] == c[1], c[0] is c[1], c.count([1, 2]))
d = []
for i in range(3):
    d += [i] * i
print(d)
e = [3, 1, 2]
f = sorted(e)
print(e, f)
g = list(reversed(e))
g.sort(key=lambda v: -v)
print(g)
print([1, 2, 3] * 2 == [1, 2, 3, 1, 2, 3], [] == [], [[]] != [])
print(list(range(3)) + list("ab") + [None, True, 1.5])
