"""A workflow that looks at its own frames across waits: `sys._getframe()` identity,
`inspect`, an exception's traceback walked while an `except` block waits, `sys.exc_info()` on
both sides of a wait, a generator's frame, and the frame object of a call that has ended. Run
under CPython with the `durable` shim in this folder, it prints what rceval prints."""

import inspect
import sys

import durable


def caller_line():
    f = sys._getframe(2)
    return f.f_code.co_name, f.f_lineno


def ended_call(x):
    y = x * 2
    return sys._getframe()


def fail(n):
    if n > 0:
        return fail(n - 1)
    raise ValueError(f"deep {n}")


def walk(tb):
    """What each traceback entry says; the outermost frame is still running (its line moves)."""
    out = [(tb.tb_frame.f_code.co_name, tb.tb_lineno)]
    tb = tb.tb_next
    while tb is not None:
        frame = tb.tb_frame
        out.append((frame.f_code.co_name, tb.tb_lineno, frame.f_lineno, frame.f_locals["n"]))
        tb = tb.tb_next
    return out


def lastis(tb):
    """Instruction offsets (rceval's differ from CPython's, so they are only compared)."""
    out = [tb.tb_lasti]
    tb = tb.tb_next
    while tb is not None:
        out.append((tb.tb_lasti, tb.tb_frame.f_lasti))
        tb = tb.tb_next
    return out


def step(name):
    me = sys._getframe()
    where = caller_line()
    got = durable.wait(name)
    print(name, got, me is sys._getframe(), caller_line() == where, me.f_back is sys._getframe(1))
    print("stack", me is inspect.currentframe(), [f.function for f in inspect.stack()])
    return got


def handle():
    try:
        fail(2)
    except ValueError as e:
        info = sys.exc_info()
        tb = e.__traceback__
        before = walk(tb)
        positions = lastis(tb)
        got = durable.wait("in-except")
        after = sys.exc_info()
        print("exc_info", after[0].__name__, after[1] is e, after[2] is tb, info[2] is after[2])
        print("walk", walk(e.__traceback__) == before, before)
        print("lasti kept", lastis(tb) == positions)
        print("own frame", tb.tb_frame is sys._getframe(), tb.tb_frame.f_locals["got"])
        print("inner frames", [f.f_code.co_name for f in frames_of(tb)])
        kept = tb.tb_next.tb_frame
    print("handled", sys.exc_info(), got)
    return kept


def frames_of(tb):
    while tb is not None:
        yield tb.tb_frame
        tb = tb.tb_next


def counter():
    total = 0
    while True:
        total += yield total


module_frame = sys._getframe()
old = ended_call(21)
gen = counter()
next(gen)
gen.send(5)
gen_frame = gen.gi_frame
first = step("first")
print("module frame", module_frame is sys._getframe(), module_frame.f_locals["first"])
print("ended", old.f_code.co_name, old.f_locals, old.f_lineno, old.f_back is module_frame)
print("generator", gen.gi_frame is gen_frame, gen_frame.f_locals["total"], gen.send(first))
fail_frame = handle()
second = step("second")
print("fail frame", fail_frame.f_code.co_name, fail_frame.f_locals, fail_frame.f_back.f_code.co_name)
print("generator", gen_frame.f_locals["total"], gen.send(second), gen.gi_frame is gen_frame)
gen.close()
print("closed", gen.gi_frame, gen_frame.f_locals["total"])
