# Exceptions unwind through thousands of frames, running finally blocks on the way, and the
# frames above the handler are reclaimed: the stack is usable again right after.
import sys

sys.setrecursionlimit(10000)
log = []


def dive(n, payload):
    local_a = payload * 2
    try:
        if n == 0:
            raise ValueError(f"bottom {local_a}")
        return dive(n - 1, payload + 1)
    finally:
        if n % 1000 == 0:
            log.append(n)


def deep_sum(n):
    if n == 0:
        return 0
    return n + deep_sum(n - 1)


for depth in (10, 999, 4000, 8000):
    try:
        dive(depth, 0)
    except ValueError as e:
        print(depth, e)
    print(deep_sum(depth))
print(log)


def recurse_forever(n):
    return recurse_forever(n + 1)


for _ in range(3):
    try:
        recurse_forever(0)
    except RecursionError:
        print("RecursionError caught")
    print(deep_sum(5000))


def catch_at(n, at):
    if n == at:
        try:
            return catch_at(n + 1, at)
        except KeyError as e:
            return ("caught", n, e.args[0])
    if n == 3000:
        raise KeyError(n)
    return catch_at(n + 1, at)


print(catch_at(0, 1500))
print(catch_at(0, 2999))
