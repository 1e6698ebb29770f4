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


from _operator import itemgetter, attrgetter, methodcaller


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
