def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield "div0"
print(list(safe_div([(1, 2), (1, 0), (3, 4)])))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally ran")
for v in with_finally():
    print("got", v)
def raising():
    yield 1
    raise ValueError("boom inside gen")
g = raising()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError", e)
print(next(g, "after error: exhausted"))
def gen_catch_stop():
    it = iter([1])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return "inner done"
        yield v
g2 = gen_catch_stop()
print(list(g2))
