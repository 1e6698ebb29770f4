# Asynchronous comprehensions: async for and await inside list/set/dict comprehensions and
# generator expressions (which become async generators).


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


async def double(x):
    await Pause()
    return x * 2


async def comprehensions():
    a = [i async for i in count(4)]
    b = {i % 2 async for i in count(5)}
    c = {i: i * i async for i in count(3) if i}
    d = [await double(i) for i in range(3)]
    e = [(i, j) async for i in count(3) for j in range(i)]
    f = [j async for i in count(3) async for j in count(i)]
    g = [[k async for k in count(i)] for i in range(3)]
    h = [x async for x in count(6) if x % 2 if x > 1]
    return a, sorted(b), c, d, e, f, g, h


print(drive(comprehensions()))


async def generator_expressions():
    gen = (i * 10 async for i in count(3))
    print(type(gen).__name__)
    out = [v async for v in gen]
    awaited = (await double(i) for i in range(3))
    print(type(awaited).__name__)
    out.append([v async for v in awaited])
    return out


print(drive(generator_expressions()))


def plain():
    # an async generator expression is allowed outside async functions: it is only made here
    return (i async for i in count(2))


async def use_plain():
    return [v async for v in plain()]


print(drive(use_plain()))
