from collections import deque

d = deque()
print(d, len(d), bool(d))
d.append(1); d.append(2); d.appendleft(0); d.appendleft(-1)
print(d, len(d), d[0], d[-1], d[1], bool(d))
print(d.pop(), d.popleft(), d)
d.extend([3, 4, 5]); d.extendleft("ab")
print(d, list(d), list(reversed(d)))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
print(d.count(3), d.index(3), 3 in d, 99 in d)
d.remove(3); print(d)
d.insert(1, "ins"); print(d)
d.reverse(); print(d)
d[0] = "first"; print(d[0], d)
del d[1]; print(d)
e = d.copy(); e.clear(); print(d, e, len(e))
q = deque(range(5))
while q:
    print(q.popleft(), end=" ")
print()
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
for i in range(500):
    big.appendleft(-i)
print(len(big), big[0], big[-1], sum(big), big[400], list(big)[600])
print(deque([1, 2]) == deque([1, 2]), deque([1]) == deque([2]), deque([1, 2]) < deque([1, 3]))
print(deque("ab") + deque("cd"), deque([1]) * 3)
x = deque([1]); x += [2, 3]; print(x)
for label, f in [("pop", lambda: deque().pop()), ("popleft", lambda: deque().popleft()),
                 ("index", lambda: deque([1])[5]), ("remove", lambda: deque([1]).remove(9)),
                 ("idx", lambda: deque([1]).index(9))]:
    try:
        f()
    except (IndexError, ValueError) as exc:
        print(label, type(exc).__name__, exc)
