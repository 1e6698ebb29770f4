class AppError(Exception):
    pass
class CodeError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self): return f"[{self.code}] {self.msg}"
class Plain(ValueError): pass
try:
    raise CodeError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
e = Plain("bad", 2)
print(e, repr(e), e.args, isinstance(e, ValueError), isinstance(e, Exception))
print(str(AppError()), repr(AppError()), str(AppError("one")), repr(AppError("one")))
class WithRepr(Exception):
    def __repr__(self): return "custom"
print(repr(WithRepr(1)), str(WithRepr(1)))
try:
    try:
        raise Plain("inner")
    except Plain as e:
        raise AppError("outer") from e
except AppError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
class KE(KeyError): pass
print(str(KE("k")), str(KeyError("k")), str(KeyError("a", "b")))
class NoInit(Exception):
    def __init__(self): pass
print(repr(NoInit()), NoInit().args)
raise CodeError(500, "server")
