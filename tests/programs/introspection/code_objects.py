# Code objects: f.__code__, frame.f_code and their co_* attributes.
import sys


def sample(a, b, /, c, *args, d, e=5, **kw):
    local = a + b
    def inner():
        return local + c
    return inner


def closure_maker(n):
    def add(x):
        return x + n
    return add


co = sample.__code__
print(type(co).__name__, co.co_name, co.co_qualname)
print("argcount", co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print("varnames", co.co_varnames)
print("cellvars", co.co_cellvars, "freevars", co.co_freevars)
print("firstlineno", co.co_firstlineno)
print("file", co.co_filename.split("/")[-1])
print("code is bytes", type(co.co_code).__name__, len(co.co_code) > 0)
nested = [c for c in co.co_consts if type(c).__name__ == "code"]
print("nested code", [c.co_name for c in nested])
add = closure_maker(3)
print("add freevars", add.__code__.co_freevars, add.__code__.co_varnames)
print("closure_maker cellvars", closure_maker.__code__.co_cellvars)
print("nested is the function's code", nested[0] is sample(1, 2, 3, d=4).__code__)


def uses_names():
    return len(sorted([3, 1]))


print("names", uses_names.__code__.co_names)
print("consts has 3", 3 in uses_names.__code__.co_consts)
print("f_code is __code__", (lambda: sys._getframe().f_code)() is not None)


def who():
    return sys._getframe().f_code


print("who", who() is who.__code__, who().co_name)
print("same code object", sample.__code__ is sample.__code__)
