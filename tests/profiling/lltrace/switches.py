# Control passes between traced frames (this module sets __lltrace__) and untraced ones
# (quiet.py) at every kind of frame switch the eval loop has: calls and returns, generator
# resumptions and yields, exceptions unwinding into a caller, and builtins calling back
# into Python. tests/profiling_observers.rs checks the trace.
__lltrace__ = True
import quiet


def inc(x):
    return x + 1


def gen():
    yield 1
    yield 2


def boom():
    raise KeyError('k')


def main():
    a = quiet.twice(inc, 1)
    b = [n for n in quiet.countdown(2)]
    c = quiet.total(gen())
    try:
        quiet.fail(a)
    except ValueError:
        a = -a
    try:
        quiet.call_each([boom])
    except KeyError:
        a = -a
    d = quiet.guard(boom)
    e = sorted([3, 1], key=inc)
    f = sorted([2, 1], key=quiet.neg)
    g = quiet.sort_by([1, 2], inc)
    h = list(gen())
    return a, b, c, d, e, f, g, h


print(main())
