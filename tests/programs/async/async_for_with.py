# async for over user async iterators, async with over user async context managers.


class Ticker:
    """An async iterator that suspends before each value."""

    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Pause()
        return self.i


class Pause:
    def __await__(self):
        yield "tick"


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await Pause()
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await Pause()
        return self.suppress


def drive(coro):
    """Runs a coroutine to completion, counting its suspensions."""
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        ticks += 1


async def loops():
    out = []
    async for i in Ticker(3):
        out.append(i)
    else:
        out.append("else")
    async for i in Ticker(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i * 10)
    else:
        out.append("not reached")
    return out


print(drive(loops()))


async def nested():
    total = 0
    async for i in Ticker(3):
        async for j in Ticker(i):
            total += i * j
    return total


print(drive(nested()))


async def return_inside():
    async for i in Ticker(10):
        if i == 3:
            return i
    return -1


print(drive(return_inside()))


async def withs():
    async with Manager("a") as a:
        print("body", a)
    async with Manager("b", suppress=True) as b:
        raise ValueError("swallowed " + b)
    try:
        async with Manager("c") as c, Manager("d") as d:
            print("body", c, d)
            raise KeyError("out")
    except KeyError as e:
        print("caught", e)
    for i in range(3):
        async with Manager("loop%d" % i):
            if i == 1:
                break
    async with Manager("ret"):
        return "returned"


print(drive(withs()))


async def exception_in_loop():
    try:
        async for i in Ticker(3):
            if i == 2:
                raise ValueError("in body")
    except ValueError as e:
        return str(e)


print(drive(exception_in_loop()))


class FailingNext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("from __anext__")


async def failing():
    try:
        async for _ in FailingNext():
            pass
    except KeyError as e:
        return "propagated " + str(e)


print(drive(failing()))


# errors


class NoAiter:
    pass


class AiterNoAnext:
    def __aiter__(self):
        return self


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


class NoAenter:
    pass


class OnlyAenter:
    async def __aenter__(self):
        return 1


class AenterNotAwaitable:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


class AexitNotAwaitable:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


async def iterate(x):
    async for _ in x:
        pass


async def enter(x):
    async with x:
        pass


async def enter_raise(x):
    async with x:
        raise ValueError


for f, x in [
    (iterate, [1, 2]),
    (iterate, NoAiter()),
    (iterate, AiterNoAnext()),
    (iterate, AnextNotAwaitable()),
    (enter, NoAenter()),
    (enter, OnlyAenter()),
    (enter, AenterNotAwaitable()),
    (enter, AexitNotAwaitable()),
    (enter_raise, AexitNotAwaitable()),
]:
    try:
        drive(f(x))
    except TypeError as e:
        print("TypeError:", e)
