# The asyncio subset: run, create_task, gather, sleep, wait_for, Queue, Event, Lock, Semaphore.
import asyncio

log = []


async def worker(name, turns):
    for i in range(turns):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name * turns


async def interleave():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    results = await asyncio.gather(a, b, worker("c", 1))
    return results


print(asyncio.run(interleave()))
print(log)


async def sleeper(delay, value):
    await asyncio.sleep(delay)
    return value


async def timed():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # finishes in order of delay, not of creation
    done = []

    async def record(delay, value):
        done.append(await sleeper(delay, value))

    await asyncio.gather(record(0.03, "slow"), record(0.01, "fast"), record(0, "now"))
    elapsed = loop.time() - start
    return done, elapsed >= 0.03


print(asyncio.run(timed()))


async def failing(n):
    await asyncio.sleep(0)
    raise ValueError("bad %d" % n)


async def gathers():
    out = await asyncio.gather(failing(1), sleeper(0, "ok"), return_exceptions=True)
    print([type(x).__name__ for x in out], out[1])
    try:
        await asyncio.gather(sleeper(0, 1), failing(2))
    except ValueError as e:
        print("gather raised", e)
    print(await asyncio.gather())


asyncio.run(gathers())


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        print("put", i)
    await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            return total
        print("got", item)
        total += item


async def queues():
    queue = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(queue, 5))
    total = await consumer(queue)
    await prod
    await queue.join()
    print("queue empty", queue.empty(), queue.qsize())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    return total


print(asyncio.run(queues()))


async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "woke")


async def events():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in "xy"]
    await asyncio.sleep(0)
    print("is_set", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print("is_set", event.is_set())


asyncio.run(events())


async def locked(lock, name, shared):
    async with lock:
        value = shared[0]
        await asyncio.sleep(0)
        shared[0] = value + 1
        print(name, "held", lock.locked())


async def locks():
    lock = asyncio.Lock()
    shared = [0]
    await asyncio.gather(*(locked(lock, "t%d" % i, shared) for i in range(3)))
    print("count", shared[0], lock.locked())
    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0)
            active[0] -= 1

    await asyncio.gather(*(limited() for _ in range(5)))
    print("max concurrent", active[1])


asyncio.run(locks())


async def timeouts():
    print(await asyncio.wait_for(sleeper(0, "in time"), 1))
    try:
        await asyncio.wait_for(sleeper(1, "late"), 0.01)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(timeouts())


async def cancelling():
    task = asyncio.create_task(sleeper(1, "never"))
    await asyncio.sleep(0)
    print("cancel", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled(), task.done())


asyncio.run(cancelling())


async def nested_run():
    try:
        asyncio.run(sleeper(0, 1))
    except RuntimeError as e:
        print(e)


asyncio.run(nested_run())
try:
    asyncio.run(42)
except ValueError as e:
    print(e)


async def main_with_result():
    return await asyncio.sleep(0, "sleep result")


print(asyncio.run(main_with_result()))
