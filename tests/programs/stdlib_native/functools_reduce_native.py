# functools.reduce: results, errors, and the iteration protocol it uses.
from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [1, 2], 10))
print(reduce(operator.add, [], 5), reduce(operator.add, [7]), reduce(max, "hello"))
print(reduce(lambda acc, x: acc + [x * 2], range(4), []))
print(reduce(operator.mul, (x for x in range(1, 25))))


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i


print(reduce(operator.add, Seq()))


def gen():
    yield 1
    raise ValueError("from the iterable")


cases = [
    ('reduce(1)', lambda: reduce(1)),
    ('reduce(len, 1)', lambda: reduce(len, 1)),
    ('reduce(len, [])', lambda: reduce(len, [])),
    ('reduce(len, [], 1, 2)', lambda: reduce(len, [], 1, 2)),
    ('reduce(function=len, sequence=[1])', lambda: reduce(function=len, sequence=[1])),
    ('reduce(1, [1, 2])', lambda: reduce(1, [1, 2])),
    ('reduce(operator.add, gen())', lambda: reduce(operator.add, gen())),
    ("reduce(operator.add, [1, 'a'])", lambda: reduce(operator.add, [1, 'a'])),
    ('reduce()', lambda: reduce()),
]
for c, f in cases:
    try:
        print(c, "->", f())
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
