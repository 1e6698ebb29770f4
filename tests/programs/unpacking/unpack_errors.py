cases = [
    lambda: _unpack2([1, 2, 3]),
    lambda: _unpack2([1]),
    lambda: _unpack2(None),
    lambda: _unpack2(7),
    lambda: _unpack3star([1]),
    lambda: _unpack2("ab"),
    lambda: _unpack2({}),
]
def _unpack2(v):
    a, b = v
    return a, b
def _unpack3star(v):
    a, b, *c = v
    return a, b, c
for c in cases:
    try:
        print(c())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
