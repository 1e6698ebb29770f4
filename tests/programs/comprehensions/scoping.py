x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * i for i in range(4)]
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs2])
def g():
    n = 3
    return [[n * a + b for b in range(n)] for a in range(n)]
print(g())
i = "unchanged"
total = sum(i for i in range(5))
print(i, total)
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
def h():
    items = [1, 2, 3]
    return {k: [k * m for m in items] for k in items}
print(h())
