# Frame objects from sys._getframe: every attribute, the depth argument, and the error past
# the bottom of the stack.
import sys


def name_of(path):
    return path.split("/")[-1]


def inner(a, b=10, *rest, flag=False):
    total = a + b
    here = sys._getframe()
    caller = sys._getframe(1)
    print("name", here.f_code.co_name, "line", here.f_lineno)
    print("caller", caller.f_code.co_name, "line", caller.f_lineno)
    print("back is caller", here.f_back is caller)
    print("same object twice", sys._getframe() is here)
    print("globals", here.f_globals is globals(), here.f_globals["__name__"])
    print("locals", sorted(k for k in here.f_locals))
    print("total", here.f_locals["total"], "rest", here.f_locals["rest"])
    print("lasti is an even int", isinstance(here.f_lasti, int), here.f_lasti % 2 == 0)
    print("file", name_of(here.f_code.co_filename))
    print("builtins", here.f_builtins["len"] is len)
    return here


def outer():
    return inner(1, 2, 3, 4, flag=True)


frame = outer()
print("module frame back", sys._getframe().f_back)
print("module f_locals is globals", sys._getframe().f_locals is globals())
depth = 0
f = sys._getframe()
while f is not None:
    depth += 1
    f = f.f_back
print("depth at module level", depth)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
print("negative depth", sys._getframe(-3) is sys._getframe())
try:
    sys._getframe(1.5)
except TypeError as e:
    print("TypeError:", e)
