def inner():
    try:
        while True:
            x = yield
            print("inner got", x)
            if x == "stop":
                return "inner-done"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "after-throw"
        return "thrown-done"
    finally:
        print("inner finally")
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer-end"
o = outer()
next(o)
o.send(1)
o.send(2)
print(o.send("stop"))
o = outer()
next(o)
print(o.throw(KeyError("k")))
print(next(o))
o = outer(); next(o)
o.close()
print("closed")
def outer2():
    try:
        yield from inner()
    except ValueError as e:
        print("outer2 caught", e)
        yield "o2"
o2 = outer2(); next(o2)
print(o2.throw(ValueError("v")))
def gen_close():
    try:
        yield 1
    except GeneratorExit:
        print("sub saw close")
        raise
def deleg():
    try:
        yield from gen_close()
    except GeneratorExit:
        print("outer saw close")
        raise
d = deleg(); next(d); d.close()
