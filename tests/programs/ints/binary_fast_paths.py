# Binary operators, comparisons and subscripts whose int, float, list and tuple cases the eval
# loop handles inline: results at the edges of i64, overflow into big ints, NaN and signed
# zeros, negative and out-of-range indices, and the errors of the cases it does not handle.
big = 2**63 - 1
small = -(2**63)
values = [0, 1, -1, 7, -7, 2**62, small, big, 3.5, -0.0, 0.0, float("nan"), float("inf"), True, 2**70]
ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
    ("<", lambda a, b: a < b),
    ("<=", lambda a, b: a <= b),
    ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b),
    (">", lambda a, b: a > b),
    (">=", lambda a, b: a >= b),
]
for a in values:
    for b in values:
        row = []
        for name, f in ops:
            try:
                r = repr(f(a, b))
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            row.append(name + " " + r)
        x = a
        try:
            x += b
            x -= a
            x *= b
            row.append("inplace " + repr(x))
        except Exception as e:
            row.append("inplace " + type(e).__name__ + ": " + str(e))
        print(repr(a), repr(b), " | ".join(row))

seqs = ([1, 2, 3], (4, 5), "abc", range(3))
for i in [0, 2, 3, -1, -3, -4, big, small, True, 2**70, 1.0, None]:
    row = []
    for s in seqs:
        try:
            row.append(repr(s[i]))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(repr(i), row)


class Index:
    def __index__(self):
        return 1


class Sub(list):
    def __getitem__(self, i):
        return "sub", i


print([10, 20][Index()], Sub([1, 2])[0], (1, 2)[Index()])
print(None is None, None is not None, 1 is 1.0, [] is not [])
