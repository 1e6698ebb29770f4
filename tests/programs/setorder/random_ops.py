# Deterministic pseudo-random set workload: the printed order must match CPython's table.
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
words = ["w%d" % i for i in range(60)]
a, b = set(), set()
for step in range(3000):
    op = rnd(8)
    if op < 3:
        a.add(rnd(500) - 100)
    elif op == 3:
        a.discard(rnd(500) - 100)
    elif op == 4:
        b.add(words[rnd(60)])
    elif op == 5:
        b.discard(words[rnd(60)])
    elif op == 6 and a:
        a.pop()
    if step % 500 == 0:
        print(a)
        print(b)
print(a | {1, 2, 3}, a & set(range(0, 400, 5)), set(range(0, 50)) - a)
print(a ^ set(range(-5, 5)), b | set(words[:5]), b & set(words[10:40]))
c = a.copy()
c.difference_update(range(0, 300))
print(c)
c.intersection_update(range(-100, 0, 2))
print(c, frozenset(b), set(a), set(frozenset(a)))
d = set(words)
d -= set(words[::2])
print(d)
d.symmetric_difference_update(words[:10])
print(d, {x for x in words if len(x) == 2}, set(dict.fromkeys(words[::-1])))
