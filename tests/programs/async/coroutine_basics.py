# Coroutine objects driven by hand: send/throw/close, cr_* attributes, reuse errors.


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, i)
    return total


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")


print(run(chain(5)))
c = add(1, 2)
print(type(c).__name__, type(c) is type(chain(0)))
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code.co_name)
print(c.__name__, c.__qualname__)
print(repr(c).startswith("<coroutine object add at "))
print(run(c))
print(c.cr_frame)
for action in ("send", "throw", "close"):
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError("x"))
        else:
            print("close ->", c.close())
    except BaseException as e:
        print(action, type(e).__name__, e)


class Suspend:
    """An awaitable that suspends once, yielding a request to its driver."""

    def __init__(self, request):
        self.request = request

    def __await__(self):
        reply = yield self.request
        return reply * 2


async def asker():
    a = await Suspend("first")
    b = await Suspend("second")
    return a + b


co = asker()
print(co.send(None))
print(co.cr_await is not None, type(co.cr_await).__name__)
print(co.send(10))
try:
    co.send(5)
except StopIteration as e:
    print("result", e.value)

# throw() reaches the innermost awaitable's frame
async def catcher():
    try:
        await Suspend("wait")
    except KeyError as e:
        return "caught " + str(e)


co = catcher()
co.send(None)
try:
    co.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

# close() runs finally blocks
async def closer():
    try:
        await Suspend("x")
    finally:
        print("finally ran")


co = closer()
co.send(None)
co.close()
print(co.cr_frame)

# sending non-None first
try:
    add(1, 1).send(3)
except TypeError as e:
    print(e)

# __await__ gives a coroutine_wrapper iterator
w = add(2, 3).__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper value", e.value)

# coroutines are not iterable
try:
    iter(add(1, 2))
except TypeError as e:
    print(e)

# StopIteration inside a coroutine becomes RuntimeError
async def stopper():
    raise StopIteration(1)


try:
    stopper().send(None)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

# a coroutine awaited twice
async def twice():
    inner = add(1, 1)
    await inner
    await inner


try:
    twice().send(None)
except RuntimeError as e:
    print(e)

# a coroutine already being awaited
holder = []


async def awaited_already():
    await Suspend(0)


async def first():
    co = awaited_already()
    holder.append(co)
    await co


async def second():
    await holder[0]


f = first()
f.send(None)
try:
    second().send(None)
except RuntimeError as e:
    print(e)
