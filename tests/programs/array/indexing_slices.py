# Subscripts: negative indices, index errors, slices (get, set with an array of the same type
# code, del), extended slices.
from array import array

a = array('i', range(10))
print(a[0], a[9], a[-1], a[-10], a[True])
for bad in (10, -11, 2**70, -2**70, 'x', 1.0, None):
    try:
        print(a[bad])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        a[bad] = 1
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        del a[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:], a[5:2], a[8:2:-2], a[100:])
b = a[:]
b[-1] = 99
print(a[-1], b[-1], a is b, b == a)

c = array('d', [0.0] * 6)
c[1:3] = array('d', [1.5, 2.5, 3.5])
print(c)
c[::2] = array('d', [7.0, 8.0, 9.0, 10.0])
print(c)
c[:] = array('d')
print(c, len(c))
c[0:0] = array('d', [1.0, 2.0])
c[len(c):] = c
print(c)
for value in ([1.0], array('f', [1.0]), array('d', [1.0, 2.0, 3.0])):
    try:
        d = array('d', [0.0] * 4)
        d[::2] = value
        print(d)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

e = array('h', range(20))
del e[::3]
print(e)
del e[-1:-8:-2]
print(e)
del e[2:5]
print(e)
del e[100:]
del e[::-1]
print(e, len(e))

s = array('u', 'hello')
print(s[1], s[-1], s[1:4], s[::-1])
s[0] = 'j'
print(s, s.tounicode())

class Idx:
    def __index__(self):
        return -2

print(a[Idx()], a[Idx():])
a[Idx()] = 42
print(a)
