# Generators resumed by FOR_ITER and YIELD_FROM inside the running loop (not through the
# runtime): yields, returns and exceptions hand control back to the resumer, at every depth.
import sys


def count(n):
    for i in range(n):
        yield i
    return "done"


def delegate():
    r = yield from count(3)
    print("delegate got", r)
    yield 99


print(list(count(3)), [x for x in delegate()])
for x in delegate():
    print("for", x)


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for x in stops():
        print("stops", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)


def stops_deep():
    yield from stops()


try:
    for x in stops_deep():
        print("deep", x)
except RuntimeError as e:
    print("RuntimeError:", e)


def raiser():
    yield 1
    1 / 0


def outer():
    try:
        yield from raiser()
    except ZeroDivisionError as e:
        print("outer caught", e)
        yield "recovered"


for x in outer():
    print("outer", x)

g = count(2)
for x in g:
    print(x, g.gi_running, g.gi_frame is not None)
print(g.gi_running, g.gi_frame, next(g, "exhausted"))


def watcher():
    yield me.gi_running
    yield next(me)


me = watcher()
try:
    for x in me:
        print("watcher", x)
except ValueError as e:
    print("ValueError:", e)


def deep(n):
    if n:
        r = yield from deep(n - 1)
        return r + 1
    yield "bottom"
    return 0


d = deep(50)
print(list(d))
d = deep(50)
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("returned", e.value)

try:
    for x in deep(sys.getrecursionlimit() + 100):
        pass
except RecursionError as e:
    print("RecursionError:", e)


def closes():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


c = closes()
for x in c:
    break
c.close()
print("closed", c.gi_frame)


def tracer():
    yield sys._getframe().f_back.f_code.co_name


def resumer():
    for name in tracer():
        return name


print("resumed by", resumer())


async def leaf(x):
    return x * 2


async def middle(x):
    a = await leaf(x)
    b = await leaf(a)
    return a + b


co = middle(5)
try:
    co.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def bad_leaf():
    raise StopIteration


async def awaits_bad():
    return await bad_leaf()


try:
    awaits_bad().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
