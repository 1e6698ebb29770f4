# f_locals of a function frame as a mapping: reads, membership, iteration order, len, get,
# copies, KeyError, closures' cells and free variables. Each read takes f_locals afresh, which
# CPython 3.11 (a synced dict) and PEP 667 (a live proxy) agree on.
import sys


def here():
    return sys._getframe(1).f_locals


def reads(a, b):
    c = a * b
    unbound_later = None
    del unbound_later
    print(len(here()), "a" in here(), "unbound_later" in here(), "zzz" in here())
    print(here()["c"], here().get("zzz", "default"), here().get("a"), list(here().keys()))
    print(list(here()) == list(here().keys()), sorted(here().values()))
    print(sorted(here().items()))
    print(dict(here()) == {"a": a, "b": b, "c": c})
    print(here())
    copied = here().copy()
    print(type(copied).__name__, sorted(copied))
    try:
        here()["zzz"]
    except KeyError as e:
        print("KeyError", e)


reads(6, 7)


def order(x):
    y = 1
    def inner():
        return x + z
    z = 2
    return here()


print(list(order(5)))


def closure_reader():
    outer_value = "seen"
    def inner():
        print(outer_value)
        return sorted(here().items())
    return inner()


print(closure_reader())


def loop_variable():
    for i in range(3):
        pass
    return here()["i"]


print("loop variable", loop_variable())
print("module f_locals is the module dict", here() is globals())
