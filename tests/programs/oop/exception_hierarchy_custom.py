class AppError(Exception):
    code = 1
    def __init__(self, msg, *, detail=None):
        super().__init__(msg)
        self.detail = detail
class NotFound(AppError):
    code = 404
class Invalid(AppError, ValueError):
    code = 400
for exc in [NotFound("nope", detail="x"), Invalid("bad"), AppError("generic")]:
    try:
        raise exc
    except ValueError as e:
        print("ValueError branch", type(e).__name__, e, e.code)
    except AppError as e:
        print("AppError branch", type(e).__name__, e, e.code, e.detail)
print([c.__name__ for c in Invalid.__mro__])
try:
    try:
        raise NotFound("inner")
    except AppError:
        raise Invalid("outer")
except Exception as e:
    print(repr(e), repr(e.__context__), e.__cause__)
def f():
    raise NotFound("from f", detail=[1, 2])
try:
    f()
except NotFound as e:
    print(e.args, e.detail, str(e), isinstance(e, Exception))
