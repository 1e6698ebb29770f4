s = set(range(10))
s.discard(3); s.discard(7)
s.add(100); s.add(33)
print(s)
for i in range(10, 200, 7):
    s.add(i)
print(s)
for i in range(10, 200, 14):
    s.discard(i)
print(s)
s2 = {1, 2, 3}
print(s2 | {10, 9, 8}, s2 & {3, 2}, s2 - {1}, s2 ^ {3, 4, 5}, {5, 4} | s2)
print(s2.union([100, 50]), s2.intersection([3, 1]), s2.difference([2]), s2.symmetric_difference({9, 1}))
u = {50, 40, 30}
u.update([20, 10, 60])
print(u, u.pop(), u)
print({x for x in "abcabc"}, set(dict.fromkeys([5, 3, 9])), sorted({5, 3}))
big = set()
for i in range(1000):
    big.add(i * 7919 % 1009)
print(list(big)[:20], len(big))
fs = frozenset({300, 2, 40})
print(fs, fs | {1}, {fs: 1} if True else None)
e = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
for i in range(12):
    e.remove(i + 1)
e.add(40); e.add(8)
print(e)
e = set(range(1, 13))
for i in range(12):
    e.discard(i + 1)
e.add(8); e.add(40)
print(e)
r = set(range(100))
for i in range(0, 100, 3):
    r.discard(i)
for i in range(200, 260, 7):
    r.add(i)
print(r)
print([r.pop() for _ in range(5)], r.pop(), len(r))
