"""array: typed arrays of numbers ('b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd'),
stored as a list of checked Python values."""

typecodes = 'bBuhHiIlLqQfd'

# typecode: (itemsize, minimum, maximum, name of the C type in overflow messages)
_INT_TYPES = {
    'b': (1, -128, 127, 'signed char'),
    'B': (1, 0, 255, 'unsigned byte integer'),
    'h': (2, -32768, 32767, 'signed short integer'),
    'H': (2, 0, 65535, 'unsigned short'),
    'i': (4, -2147483648, 2147483647, 'signed integer'),
    'I': (4, 0, 4294967295, 'unsigned int'),
    'l': (8, -9223372036854775808, 9223372036854775807, 'signed long'),
    'L': (8, 0, 18446744073709551615, 'unsigned long'),
    'q': (8, -9223372036854775808, 9223372036854775807, 'signed long long'),
    'Q': (8, 0, 18446744073709551615, 'unsigned long long'),
}
_FLOAT_TYPES = {'f': 4, 'd': 8}
_C_LONG = (-9223372036854775808, 9223372036854775807)


def _converter(typecode):
    if typecode in _FLOAT_TYPES:
        def to_float(value):
            if isinstance(value, float):
                return value
            if isinstance(value, int):
                return float(value)
            raise TypeError("must be real number, not " + type(value).__name__)
        return to_float
    size, lo, hi, cname = _INT_TYPES[typecode]

    def to_int(value):
        if not isinstance(value, int):
            raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")
        if not _C_LONG[0] <= value <= _C_LONG[1]:
            raise OverflowError("Python int too large to convert to C long")
        if typecode == 'b' and not -32768 <= value <= 32767:
            cname_wide = 'signed short integer'
            raise OverflowError(cname_wide + (" is greater than maximum" if value > 0
                                              else " is less than minimum"))
        if value > hi:
            raise OverflowError(cname + " is greater than maximum")
        if value < lo:
            raise OverflowError(cname + " is less than minimum")
        return int(value)
    return to_int


class array:
    __slots__ = ('typecode', 'itemsize', '_items', '_convert')

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not "
                            + type(typecode).__name__)
        if typecode in _INT_TYPES:
            self.itemsize = _INT_TYPES[typecode][0]
        elif typecode in _FLOAT_TYPES:
            self.itemsize = _FLOAT_TYPES[typecode]
        else:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.typecode = typecode
        self._convert = _converter(typecode)
        self._items = []
        if initializer is not None:
            if isinstance(initializer, str):
                raise TypeError("cannot use a str to initialize an array with typecode '"
                                + typecode + "'")
            self.extend(initializer)

    def _same_kind(self, other):
        return isinstance(other, array) and other.typecode == self.typecode

    def append(self, value):
        self._items.append(self._convert(value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        convert = self._convert
        self._items.extend([convert(v) for v in iterable])

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        self.extend(values)

    def tolist(self):
        return list(self._items)

    def insert(self, index, value):
        self._items.insert(index, self._convert(value))

    def pop(self, index=-1):
        items = self._items
        if not items:
            raise IndexError("pop from empty array")
        if not -len(items) <= index < len(items):
            raise IndexError("pop index out of range")
        return items.pop(index)

    def remove(self, value):
        for i, v in enumerate(self._items):
            if v == value:
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, value, start=0, stop=None):
        items = self._items
        if stop is None:
            stop = len(items)
        for i in range(start, min(stop, len(items))):
            if items[i] == value:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def buffer_info(self):
        return (0, len(self._items))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            result = array(self.typecode)
            result._items = self._items[index]
            return result
        items = self._items
        if not isinstance(index, int):
            raise TypeError("array indices must be integers")
        if not -len(items) <= index < len(items):
            raise IndexError("array index out of range")
        return items[index]

    def __setitem__(self, index, value):
        items = self._items
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError("can only assign array (not \"" + type(value).__name__
                                + "\") to array slice")
            if value.typecode != self.typecode:
                raise TypeError("bad argument type for built-in operation")
            items[index] = value._items
            return
        if not isinstance(index, int):
            raise TypeError("array indices must be integers")
        if not -len(items) <= index < len(items):
            raise IndexError("array assignment index out of range")
        items[index] = self._convert(value)

    def __delitem__(self, index):
        del self._items[index]

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"" + type(other).__name__
                            + "\") to array")
        if other.typecode != self.typecode:
            raise TypeError("bad argument type for built-in operation")
        result = array(self.typecode)
        result._items = self._items + other._items
        return result

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not \""
                            + type(other).__name__ + "\")")
        self.extend(other)
        return self

    def __mul__(self, n):
        result = array(self.typecode)
        result._items = self._items * n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __repr__(self):
        if not self._items:
            return "array('" + self.typecode + "')"
        return "array('" + self.typecode + "', " + repr(self._items) + ")"


ArrayType = array
