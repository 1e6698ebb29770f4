"""operator: the operators as functions, and itemgetter/attrgetter/methodcaller."""

from _operator import (
    lt, le, eq, ne, ge, gt, not_, truth, is_, is_not, add, and_, floordiv, inv, invert,
    lshift, mod, mul, matmul, neg, or_, pos, pow, rshift, sub, truediv, xor, contains,
    getitem, setitem, delitem, iadd, isub, imul, imatmul, itruediv, ifloordiv, imod, ipow,
    iand, ior, ixor, ilshift, irshift, index,
)

abs = abs


def concat(a, b):
    if not hasattr(a, '__getitem__') and not isinstance(a, (list, tuple, str)):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b


def iconcat(a, b):
    a += b
    return a


def countOf(a, b):
    return sum(1 for x in a if x is b or x == b)


def indexOf(a, b):
    for i, j in enumerate(a):
        if j is b or j == b:
            return i
    raise ValueError('sequence.index(x): x not in sequence')


def length_hint(obj, default=0):
    try:
        return len(obj)
    except TypeError:
        return default


class itemgetter:
    __slots__ = ('_items', '_call')

    def __init__(self, item, *items):
        self._items = (item,) + items

    def __call__(self, obj):
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple(obj[i] for i in items)

    def __repr__(self):
        return 'operator.itemgetter(' + ', '.join(map(repr, self._items)) + ')'


def _resolve_attr(obj, attr):
    for name in attr.split('.'):
        obj = getattr(obj, name)
    return obj


class attrgetter:
    __slots__ = ('_attrs',)

    def __init__(self, attr, *attrs):
        for a in (attr,) + attrs:
            if not isinstance(a, str):
                raise TypeError('attribute name must be a string')
        self._attrs = (attr,) + attrs

    def __call__(self, obj):
        attrs = self._attrs
        if len(attrs) == 1:
            return _resolve_attr(obj, attrs[0])
        return tuple(_resolve_attr(obj, a) for a in attrs)

    def __repr__(self):
        return 'operator.attrgetter(' + ', '.join(map(repr, self._attrs)) + ')'


class methodcaller:
    __slots__ = ('_name', '_args', '_kwargs')

    def __init__(self, name, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        args = [repr(self._name)]
        args.extend(map(repr, self._args))
        args.extend('%s=%r' % (k, v) for k, v in self._kwargs.items())
        return 'operator.methodcaller(' + ', '.join(args) + ')'


__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__add__ = add
__sub__ = sub
__mul__ = mul
__truediv__ = truediv
__floordiv__ = floordiv
__mod__ = mod
__neg__ = neg
__getitem__ = getitem
