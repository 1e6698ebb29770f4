def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    yield "end"
it = g()
print(next(it))
print(it.throw(ValueError("x")))
print(next(it))
try:
    next(it)
except StopIteration:
    print("done")
it = g()
try:
    it.throw(KeyError("fresh"))
except KeyError as e:
    print("unstarted throw propagates", repr(e))
print(list(it))
it = g(); next(it)
print(it.throw(ValueError))
it2 = g(); next(it2)
try:
    it2.throw(TypeError, TypeError("t"))
except TypeError as e:
    print("propagated", e)
