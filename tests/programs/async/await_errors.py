# What `await` refuses, with CPython's messages.


class NoAwait:
    pass


class BadAwait:
    def __await__(self):
        return 5


class CoroAwait:
    def __await__(self):
        return inner()


async def inner():
    return 1


class GenAwait:
    def __await__(self):
        yield from ()
        return "from generator"


async def use(x):
    return await x


for value in (1, "s", None, NoAwait(), BadAwait(), CoroAwait(), GenAwait(), [1]):
    co = use(value)
    try:
        co.send(None)
    except StopIteration as e:
        print("ok", e.value)
    except TypeError as e:
        print("TypeError:", e)


def plain_gen():
    yield from inner()


try:
    next(plain_gen())
except TypeError as e:
    print(e)


async def delegating():
    return await inner() + await inner()


try:
    delegating().send(None)
except StopIteration as e:
    print("sum", e.value)
