# Async generators: async for over them, asend/athrow/aclose, ag_* attributes, errors.


class Pause:
    def __await__(self):
        yield "tick"


def drive(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        ticks += 1


async def count(n):
    for i in range(n):
        await Pause()
        yield i


async def consume():
    out = []
    async for v in count(4):
        out.append(v)
    return out


print(drive(consume()))

g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.ag_running, g.ag_await, g.ag_frame is not None, g.ag_code.co_name)
print(repr(g).startswith("<async_generator object count at "))
print(g.__aiter__() is g)
step = g.__anext__()
print(type(step).__name__, step.__await__() is step)


# asend: values sent in arrive at the yield
async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    finally:
        print("echo saw", received)


async def talk():
    e = echo()
    out = [await e.asend(None)]
    out.append(await e.asend("a"))
    out.append(await e.asend("b"))
    await e.aclose()
    return out


print(drive(talk()))


# athrow: handled inside the generator, or propagated
async def guarded():
    while True:
        try:
            yield "ready"
        except ValueError as exc:
            yield "handled " + str(exc)


async def throwing():
    g = guarded()
    out = [await g.__anext__()]
    out.append(await g.athrow(ValueError("bad")))
    out.append(await g.__anext__())
    try:
        await g.athrow(KeyError("fatal"))
    except KeyError as exc:
        out.append("propagated " + str(exc))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("exhausted")
    return out


print(drive(throwing()))


# aclose runs finally blocks, and awaits inside them
async def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        await Pause()
        print("cleanup done")


async def closing():
    g = with_cleanup()
    first = await g.__anext__()
    await g.aclose()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return first, "closed"


print(drive(closing()))


# a generator that ignores GeneratorExit
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def close_stubborn():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as exc:
        return str(exc)


print(drive(close_stubborn()))


# an awaitable cannot be reused
async def reuse():
    g = count(3)
    step = g.__anext__()
    await step
    try:
        await step
    except RuntimeError as exc:
        return str(exc)


print(drive(reuse()))


# StopAsyncIteration and StopIteration raised inside become RuntimeError
async def raises(exc):
    yield 1
    raise exc


async def check_raises(exc):
    g = raises(exc)
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        return str(e)


print(drive(check_raises(StopAsyncIteration())))
print(drive(check_raises(StopIteration())))


# an exception escaping an async for body
async def early_exit():
    seen = []
    async for v in with_cleanup():
        seen.append(v)
        break
    return seen


print(drive(early_exit()))


# async generators are not plain iterables
try:
    for _ in count(1):
        pass
except TypeError as exc:
    print(exc)


# sending a non-None value first
async def bad_send():
    try:
        await count(1).asend(5)
    except TypeError as e:
        return str(e)


print(drive(bad_send()))
