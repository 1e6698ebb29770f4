"""collections: deque, defaultdict, Counter, OrderedDict and namedtuple."""

import sys as _sys
from itertools import repeat as _repeat

_MISSING = object()


def _plain_tuple(value):
    return tuple(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- deque, defaultdict

from _collections import deque, defaultdict


# ---------------------------------------------------------------- OrderedDict

class OrderedDict(dict):
    def __init__(self, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        dict.clear(self)
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def copy(self):
        return OrderedDict(self)

    __copy__ = copy

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and list(self) == list(other)
        return dict(self) == dict(other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + "()"
        return self.__class__.__name__ + "(" + repr(list(self.items())) + ")"


# ---------------------------------------------------------------- Counter

def _count_elements(mapping, iterable):
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


from _collections import _count_elements, _tuplegetter


class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return ordered
        return ordered[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in _repeat(None, count if count > 0 else 0):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, elem):
        dict.pop(self, elem, None)

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + "()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return self.__class__.__name__ + "(" + repr(d) + ")"

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            dict.pop(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(pair):
    return pair[1]


# ---------------------------------------------------------------- namedtuple

def _validate_fields(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name.startswith('_') or name in seen
                    or name in _KEYWORDS):
                field_names[index] = '_' + str(index)
            seen.add(name)
    for name in [typename] + field_names:
        if not isinstance(name, str):
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: ' + repr(name))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: ' + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             + repr(name))
        if name in seen:
            raise ValueError('Encountered duplicate field name: ' + repr(name))
        seen.add(name)
    return typename, tuple(field_names)


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield',
])


def _plural(n, word):
    return str(n) + " " + word + ("" if n == 1 else "s")


def _quoted_list(names):
    quoted = ["'" + name + "'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    typename, fields = _validate_fields(typename, field_names, rename)
    num_fields = len(fields)
    field_index = {name: i for i, name in enumerate(fields)}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > num_fields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[num_fields - len(defaults):], defaults))
    else:
        field_defaults = {}
    qual_new = typename + ".__new__()"

    def __new__(cls, *args, **kwargs):
        if len(args) > num_fields:
            raise TypeError(qual_new + " takes " + str(num_fields + 1)
                            + " positional arguments but " + str(len(args) + 1)
                            + " were given")
        values = list(args) + [_MISSING] * (num_fields - len(args))
        for name, value in kwargs.items():
            i = field_index.get(name)
            if i is None:
                raise TypeError(qual_new + " got an unexpected keyword argument '"
                                + name + "'")
            if values[i] is not _MISSING:
                raise TypeError(qual_new + " got multiple values for argument '"
                                + name + "'")
            values[i] = value
        missing = []
        for i, name in enumerate(fields):
            if values[i] is _MISSING:
                if name in field_defaults:
                    values[i] = field_defaults[name]
                else:
                    missing.append(name)
        if missing:
            raise TypeError(qual_new + " missing " + _plural(len(missing), "required positional argument")
                            + ": " + _quoted_list(missing))
        return tuple.__new__(cls, values)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError("Expected " + str(num_fields) + " arguments, got " + str(len(result)))
        return result

    def _replace(self, **kwds):
        values = list(self)
        for name, value in kwds.items():
            i = field_index.get(name)
            if i is None:
                raise ValueError("Got unexpected field names: " + repr([name]))
            values[i] = value
        return tuple.__new__(type(self), values)

    def __repr__(self):
        return (self.__class__.__name__ + "("
                + ", ".join([name + "=" + repr(value) for name, value in zip(fields, self)])
                + ")")

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def __eq__(self, other):
        return tuple(self) == _plain_tuple(other)

    def __ne__(self, other):
        return tuple(self) != _plain_tuple(other)

    def __lt__(self, other):
        return tuple(self) < _plain_tuple(other)

    def __le__(self, other):
        return tuple(self) <= _plain_tuple(other)

    def __gt__(self, other):
        return tuple(self) > _plain_tuple(other)

    def __ge__(self, other):
        return tuple(self) >= _plain_tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    namespace = {
        '__doc__': typename + '(' + ', '.join(fields) + ')',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__eq__': __eq__,
        '__ne__': __ne__,
        '__lt__': __lt__,
        '__le__': __le__,
        '__gt__': __gt__,
        '__ge__': __ge__,
        '__hash__': __hash__,
        '__module__': '__main__' if module is None else module,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, 'Alias for field number ' + str(index))
    return type(typename, (tuple,), namespace)
