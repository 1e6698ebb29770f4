def g():
    yield 1
    return "result"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args, repr(e))
def outer():
    r = yield from g()
    print("got", r)
    return r * 2
print(list(outer()))
o = outer()
for v in o: pass
def empty():
    return 7
    yield
try:
    next(empty())
except StopIteration as e:
    print(e.value)
def noret():
    yield 1
n = noret(); next(n)
try:
    next(n)
except StopIteration as e:
    print(e.value, e.args)
def stopinside():
    yield 1
    raise StopIteration("bad")
try:
    list(stopinside())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
