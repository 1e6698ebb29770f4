# Iteration over arrays, including mutation while iterating (the iterator re-checks the length
# each step, as CPython's arrayiterator does).
from array import array

a = array('l', [1, 2, 3, 4])
print(list(a), tuple(a), [x * 2 for x in a], list(reversed(a)), list(enumerate(a)))
print(list(zip(a, array('u', 'wxyz'))), dict(zip(array('u', 'ab'), array('d', [1.0, 2.0]))))

seen = []
for x in a:
    seen.append(x)
    if x == 2:
        a.append(99)
    if len(a) > 8:
        break
print(seen, a)

b = array('i', range(6))
out = []
for x in b:
    out.append(x)
    if b:
        b.pop()
print(out, b)

c = array('d', [0.5, 1.5])
it = iter(c)
print(next(it))
c.extend([2.5, 3.5])
print(list(it))
del c[:]
print(list(it), list(iter(c)))

d = array('B', [1, 2, 3])
r = reversed(d)
print(next(r))
d.pop()
d.pop()
print(list(r))

total = 0.0
e = array('f', [0.25] * 8)
for v in e:
    total += v
print(total, sum(e), sorted(array('i', [3, -1, 2])), ''.join(array('u', 'abc')))
g = array('i', [5, 6])
i1, i2 = g
print(i1, i2, *g, [*array('b', [7])])
