# Operators on arrays: + * += *=, comparisons, `in`, truth, hashing, bytes().
from array import array

a = array('d', [1.0, 2.0])
b = array('d', [3.0])
print(a + b, a * 3, 2 * b, a * 0, a * -1, a + array('d'))
c = a
c += b
print(a, c is a)
c *= 2
print(a, c is a)
c *= 0
print(a, len(a))

def iadd(x, y):
    x += y
    return x


def imul(x, y):
    x *= y
    return x


for op in (lambda: a + [1.0], lambda: a + array('f'), lambda: a * 1.5, lambda: a * 'x',
           lambda: iadd(a, [1]), lambda: iadd(a, array('i')), lambda: imul(a, 1.5),
           lambda: hash(a)):
    try:
        print('ok', op())
    except TypeError as e:
        print('TypeError', e)

x = array('i', [1, 2, 3])
print(x == array('i', [1, 2, 3]), x != array('i', [1, 2, 3]), x == array('d', [1.0, 2.0, 3.0]))
print(x < array('i', [1, 2, 4]), x <= array('i', [1, 2]), x > array('i', [1, 2]),
      x >= array('b', [1, 2, 3]), x < array('i', [1, 3]))
print(x == [1, 2, 3], x != (1, 2, 3), array('d') == array('i'), array('u', 'a') == array('b', [97]))
nan = float('nan')
print(array('d', [nan]) == array('d', [nan]), array('d', [1.0, nan]) < array('d', [2.0, nan]))
print(array('Q', [2**64 - 1]) > array('q', [-1]), array('f', [0.5]) == array('d', [0.5]))
print(sorted([array('i', [3]), array('i', [1, 2]), array('i', [1])]))
print(max(array('h', [4, -2, 9])), min(array('f', [2.5, -1.5])), sum(array('d', [0.5] * 4)))

print(2 in x, 5 in x, 2.0 in x, 'a' in x, 2 in array('d', [2.0]), 'b' in array('u', 'abc'))
print(bool(array('b')), bool(array('b', [0])), not array('d'))
print(bytes(array('b', [1, -1])), bytearray(array('H', [258])), list(bytes(array('i', [1]))))
print(array('u', 'ab') + array('u', 'c'), array('u', 'xy') * 2)
