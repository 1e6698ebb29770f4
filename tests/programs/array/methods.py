# Every array method, with its argument errors.
from array import array

a = array('i', [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
a.extend(array('i', [5, 3]))
a.extend(x * 10 for x in range(3))
a.insert(0, 100)
a.insert(-1, 200)
a.insert(1000, 300)
a.insert(-1000, 400)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.count(1), a.count(7), a.count(1.0), a.index(1), a.index(5), a.index(1, 2), a.index(5, -6))
a.remove(1)
print(a)
a.reverse()
print(a, a.tolist())
a.fromlist([7, 8])
print(a, a.buffer_info()[1] == len(a), type(a.buffer_info()))

errors = [
    lambda: a.append(),
    lambda: a.append(1, 2),
    lambda: a.append('x'),
    lambda: a.extend(array('d', [1.0])),
    lambda: a.extend(5),
    lambda: a.extend(['x']),
    lambda: a.insert(0),
    lambda: a.insert('x', 1),
    lambda: a.pop(100),
    lambda: array('d').pop(),
    lambda: a.pop(1, 2),
    lambda: a.remove(12345),
    lambda: a.index(12345),
    lambda: a.index(3, 0, 1),
    lambda: a.count(),
    lambda: a.fromlist((1,)),
    lambda: a.fromlist([1, 'x']),
    lambda: a.frombytes('abc'),
    lambda: a.frombytes(b'abc'),
    lambda: a.tounicode(),
    lambda: a.fromunicode('x'),
    lambda: array('u').fromunicode(5),
    lambda: a.reverse(1),
    lambda: array.append(5, 1),
]
for op in errors:
    try:
        print('ok', op())
    except Exception as e:
        print(type(e).__name__, e)
print(a)

b = array('d', [1.5, -2.25])
data = b.tobytes()
print(data, len(data), bytes(b) == data)
c = array('d')
c.frombytes(data)
print(c)
c.byteswap()
print(c.tobytes())
c.byteswap()
print(c)
for code in 'bBhHiIlLqQfd':
    x = array(code, [1, 2, 3])
    raw = x.tobytes()
    x.byteswap()
    y = array(code)
    y.frombytes(raw)
    print(code, raw, x.tobytes() != raw or x.itemsize == 1, y == array(code, [1, 2, 3]))

u = array('u', 'ab')
u.fromunicode('cd')
u.append('e')
print(u, u.tounicode(), u.count('a'), u.index('c'))

d = array('f', [0.5])
e = d.__copy__()
f = d.__deepcopy__({})
e.append(1.0)
print(d, e, f, e is d)
print(array('d', [1.0, 2.0, 3.0]).__len__(), array('b', [5]).__getitem__(0), 2 in array('b', [1, 2]))
