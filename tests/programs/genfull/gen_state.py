def g():
    yield 1
it = g()
print(it.__name__, it.__qualname__, type(it).__name__, repr(it).startswith("<generator object g at"))
print(it.gi_running)
next(it)
list(it)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def closure_gen(n):
    def inner():
        for i in range(n):
            yield i * n
    return inner()
print(list(closure_gen(3)))
gens = [(lambda k: (k * i for i in range(3)))(k) for k in range(3)]
print([list(x) for x in gens])
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    sq = (e * e for e in evens)
    return list(sq)
print(pipeline())
def gen_exc():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield str(e)
print(list(gen_exc()))
def finally_gen():
    try:
        yield 1
    finally:
        print("finally runs on exhaustion")
print(list(finally_gen()))
