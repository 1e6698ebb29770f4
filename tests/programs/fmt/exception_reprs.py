excs = [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError(), KeyError(1, 2),
        IndexError("list index out of range"), StopIteration(5), Exception(None), TypeError(""),
        ZeroDivisionError("division by zero"), AttributeError("x"), RuntimeError([1]),
        UnicodeError("u"), NotImplementedError(), AssertionError("ae"), SystemExit(3), StopIteration()]
for e in excs:
    print(repr(e), "|", str(e), "|", e.args)
print(ValueError.__name__, ValueError.__mro__, BaseException.__subclasses__ if False else "")
try:
    raise ValueError("with", "args")
except ValueError as e:
    print(e, repr(e))
