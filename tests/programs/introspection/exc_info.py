# sys.exc_info() and sys.exception() inside except, finally and nested handlers, and after.
import sys


def show(label):
    t, v, tb = sys.exc_info()
    name = t.__name__ if t is not None else None
    line = tb.tb_lineno if tb is not None else None
    print(label, name, repr(v), line, sys.exception() is v)


show("outside")
try:
    raise ValueError("outer")
except ValueError:
    show("in except")
    try:
        raise KeyError("inner")
    except KeyError:
        show("nested except")
    show("back in outer except")
show("after")

try:
    try:
        raise TypeError("in try")
    finally:
        show("finally during exception")
except TypeError:
    show("caught after finally")

try:
    pass
finally:
    show("finally without exception")


def handler_calls_function():
    try:
        1 / 0
    except ZeroDivisionError:
        show("called from a handler")


handler_calls_function()
show("end")

try:
    raise RuntimeError("tb check")
except RuntimeError as e:
    print("tb is __traceback__", sys.exc_info()[2] is e.__traceback__)
    print("frame is here", sys.exc_info()[2].tb_frame is sys._getframe())
