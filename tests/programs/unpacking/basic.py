a, b = 1, 2
print(a, b)
(c, d) = [3, 4]
[e, f] = (5, 6)
print(c, d, e, f)
g, h, i = "xyz"
print(g, h, i)
j, k = {"key1": 1, "key2": 2}
print(j, k)
l, m = range(2)
print(l, m)
(n, o), p = (7, 8), 9
print(n, o, p)
((q, r), (s, t)) = [[1, 2], [3, 4]]
print(q, r, s, t)
for idx, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(idx, x, y)
u = v = w = 0
print(u, v, w)
a, b = b, a
print(a, b)
x = [0, 0, 0]
i = 0
i, x[i] = 1, 5
print(i, x)
for bad in [(1, 2, 3), (1,), 5]:
    try:
        a, b = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
