# Edge cases: cr_/ag_ attribute prefixes, closing and throwing into unstarted async
# generators, cr_running inside a task, async generators awaiting inside comprehensions.
import asyncio
async def f():
    return 1
c = f()
for name in ("gi_frame", "ag_frame", "cr_origin", "gi_running"):
    try:
        print(name, getattr(c, name))
    except AttributeError as e:
        print("AttributeError", e)
c.close()
async def ag():
    yield 1
g = ag()
for name in ("gi_frame", "cr_frame", "ag_running"):
    try:
        print(name, getattr(g, name))
    except AttributeError as e:
        print("AttributeError", e)
async def running():
    me = asyncio.current_task()
    coro = me.get_coro()
    print("cr_running", coro.cr_running)
asyncio.run(running())
async def unstarted():
    g = ag()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed unstarted")
    g2 = ag()
    try:
        await g2.athrow(ValueError("v"))
    except ValueError as e:
        print("athrow unstarted", e)
asyncio.run(unstarted())
print(type(f).__name__, asyncio.iscoroutine(c))
async def agen_in_await():
    async def inner():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    return [x async for x in inner()]
print(asyncio.run(agen_in_await()))
