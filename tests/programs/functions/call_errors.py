def two(a, b):
    return a + b
def kw(a, *, b):
    return a
def zero():
    return 0
def one(x):
    return 0
five = 5
text = "abc"
nothing = None
tests = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, 2, c=3),
    lambda: two(1, a=1),
    lambda: two(),
    lambda: kw(1, 2),
    lambda: kw(1),
    lambda: zero(1),
    lambda: one(),
    lambda: five(),
    lambda: text(),
    lambda: nothing(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: two(*[1, 2, 3]),
    lambda: two(**{"a": 1, "z": 2}),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError", e)
