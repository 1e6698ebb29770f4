class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        Exception.__init__(self, "not found: " + key)
        self.key = key
class Invalid(AppError):
    pass
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    if d[k] is None:
        raise Invalid("value for " + k + " is None", 42)
    return d[k]
data = {"a": 1, "b": None}
for k in ["a", "b", "c"]:
    try:
        print("value", lookup(data, k))
    except NotFound as e:
        print("NotFound", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__, e, e.args)
print(issubclass(NotFound, Exception), issubclass(Invalid, AppError), isinstance(Invalid(), Exception))
e = AppError()
print(repr(str(e)), e.args)
e2 = AppError("one")
print(str(e2), e2.args, repr(e2))
e3 = AppError("a", 2)
print(str(e3), repr(e3))
try:
    raise Invalid
except AppError as ex:
    print("caught class raise", type(ex).__name__, ex.args)
