# expected-by-hand: PEP 667 write-through f_locals (CPython 3.13), which CPython 3.11 lacks
# Why by hand: CPython 3.11 copies f_locals into a dict snapshot, so a write through
# sys._getframe(1).f_locals (or through an ended frame's f_locals) is lost there: python3.11
# prints "2 + 2 = 4", "value = before", "cell written 1 1", no ValueError, and "... 2 2".
# rceval follows PEP 667 (CPython 3.13): f_locals is a write-through proxy, so each write
# below takes effect in the running (or ended) frame, and the .out holds what CPython 3.13
# prints. tests/regen_expected.py leaves this file's .out alone and lists it.
import sys


def make_two_plus_two_five():
    sys._getframe(1).f_locals["two"] = 3


def arithmetic():
    two = 2
    make_two_plus_two_five()
    print("2 + 2 =", two + 2)


arithmetic()


def rename_in_caller(new):
    caller = sys._getframe(1).f_locals
    caller["value"] = new
    caller["not_a_variable"] = "extra"


def uses_value():
    value = "before"
    rename_in_caller("after")
    print("value =", value)
    print("extra name", sys._getframe().f_locals["not_a_variable"])
    print("names", list(sys._getframe().f_locals))


uses_value()


def cell_owner():
    counter = 0
    def read():
        return counter
    sys._getframe().f_locals["counter"] = 41
    counter += 1
    print("cell written", counter, read())
    try:
        del sys._getframe().f_locals["counter"]
    except ValueError as e:
        print("ValueError:", e)


cell_owner()


def ended_frame_with_cell():
    shared = 1
    def bump():
        nonlocal shared
        shared += 1
        return shared
    return sys._getframe(), bump


frame, bump = ended_frame_with_cell()
frame.f_locals["shared"] = 40
print("cell written through an ended frame", bump(), frame.f_locals["shared"])
