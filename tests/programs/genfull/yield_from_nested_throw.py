def leaf(tag):
    try:
        yield tag + "-1"
        yield tag + "-2"
    except ValueError as e:
        print("leaf", tag, "caught", e)
        return tag + "-recovered"
    finally:
        print("leaf", tag, "finally")
def middle():
    r = yield from leaf("a")
    print("middle got", r)
    r2 = yield from leaf("b")
    return (r, r2)
def top():
    result = yield from middle()
    print("top got", result)
    yield "top-end"
t = top()
print(next(t))
print(t.throw(ValueError("one")))
print(t.throw(ValueError("two")))
print(next(t, "exhausted"))
t = top()
next(t)
t.close()
print("closed nested")
def over_list():
    try:
        yield from [1, 2, 3]
    except KeyError as e:
        print("outer caught", repr(e))
        yield "after"
o = over_list()
print(next(o), o.throw(KeyError("x")))
def deep(n):
    if n == 0:
        x = yield "bottom"
        return x
    r = yield from deep(n - 1)
    return r + 1
d = deep(30)
print(next(d))
try:
    d.send(100)
except StopIteration as e:
    print("deep result", e.value)
def swallow_exit():
    try:
        yield 1
    except GeneratorExit:
        print("inner exit")
        yield 2
def wraps():
    yield from swallow_exit()
w = wraps()
next(w)
try:
    w.close()
except RuntimeError as e:
    print("RuntimeError", e)
