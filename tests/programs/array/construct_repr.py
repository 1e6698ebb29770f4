# array.array construction, repr, attributes, type identity and constructor errors.
import array as array_module
from array import array, ArrayType

print(array_module.typecodes)
print(ArrayType is array, type(array('d')) is array)
print(array, type(array('b')).__name__, type(array('b')).__module__)
print(isinstance(array('i'), array), isinstance([1], array))

for code in 'bBhHiIlLqQfd':
    a = array(code, [1, 2, 3])
    print(code, a.typecode, a.itemsize, len(a), repr(a), a.tolist())
    print(repr(array(code)), str(array(code, [0])))

print(array('u', 'héllo'), array('u').itemsize, array('u', 'ab').tolist())
print(array('d', (x / 2 for x in range(5))))
print(array('d', range(3)), array('f', [0.1, 1e30, -2.5]))
print(array('i', array('b', [1, -2])), array('d', array('i', [7, 8])))
print(array('b', b'\x01\xff'), array('B', bytearray(b'ab')))
print(array('h', b'\x01\x00\x02\x00'))
print(array('q', [2**63 - 1, -2**63]), array('Q', [2**64 - 1]))
print(array('d', [True, False, 3]), array('b', [True]))
print(array('d', [float('inf'), float('-inf')]))
print(array('d', [float('nan')]))

class Index:
    def __index__(self):
        return 7

class Real:
    def __float__(self):
        return 0.25

print(array('i', [Index()]), array('d', [Real(), Index()]))

errors = [
    lambda: array(),
    lambda: array(5),
    lambda: array('dd'),
    lambda: array(''),
    lambda: array('x'),
    lambda: array('d', None),
    lambda: array('d', 'ab'),
    lambda: array('d', 3),
    lambda: array('d', array('u', 'ab')),
    lambda: array('u', array('d', [1.0])),
    lambda: array('u', [1]),
    lambda: array('u', ['ab']),
    lambda: array('d', [1.0], extra=1),
    lambda: array('d', [1.0], [2.0]),
    lambda: array('h', b'\x01\x00\x02'),
    lambda: array('d', ['x']),
    lambda: array('i', [1.5]),
    lambda: array('b', [1, 2, 300]),
]
for make in errors:
    try:
        print('ok', make())
    except Exception as e:
        print(type(e).__name__, e)


class Samples(array):
    def mean(self):
        return sum(self) / len(self)


s = Samples('d', [1.0, 2.0, 4.5])
print(type(s).__name__, isinstance(s, array), s.mean(), len(s), s[1], s[-1])
s.append(0.5)
print(s.tolist(), s.typecode, s.itemsize, list(s))
print(s[1:3], type(s[1:3]).__name__)
print(s == array('d', [1.0, 2.0, 4.5, 0.5]))
