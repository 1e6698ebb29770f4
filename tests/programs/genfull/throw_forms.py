def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)
c = catcher()
next(c)
c.throw(ValueError)
c.throw(ValueError("inst"))
c.throw(KeyError, "k")
c.throw(TypeError, TypeError("given"))
c.throw(IndexError, ("a", "b"))
try:
    c.throw(5)
except TypeError as e:
    print(e)
try:
    c.throw(ValueError("x"), 1)
except TypeError as e:
    print(e)
def finished():
    yield 1
f = finished()
list(f)
try:
    f.throw(RuntimeError("after end"))
except RuntimeError as e:
    print("finished throw", e)
print(f.send(None) if False else "done")
