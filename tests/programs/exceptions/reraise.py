def inner():
    raise ValueError("original")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise
try:
    middle()
except ValueError as e:
    print("outer caught:", e)
def convert():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("converted") from e
try:
    convert()
except RuntimeError as e:
    print("caught", e, "cause:", type(e.__cause__).__name__, e.__cause__)
def implicit_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    implicit_context()
except ValueError as e:
    print("caught", e, "context:", type(e.__context__).__name__)
def from_none():
    try:
        [][0]
    except IndexError:
        raise KeyError("clean") from None
try:
    from_none()
except KeyError as e:
    print("caught", e, e.__cause__)
def reraise_modified():
    try:
        raise ValueError("a")
    except ValueError as e:
        err = e
    raise err
try:
    reraise_modified()
except ValueError as e:
    print("re-raised stored", e)
