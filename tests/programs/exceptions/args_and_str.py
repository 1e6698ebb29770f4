e = ValueError("msg", 1, [2])
print(e.args, str(e), repr(e))
e = ValueError("only")
print(e.args, str(e), repr(e))
e = ValueError()
print(e.args, repr(str(e)), repr(e))
e = KeyError("key")
print(e.args, str(e), repr(e))
e = KeyError(5)
print(str(e), repr(e))
e = Exception(42)
print(str(e), repr(e), e.args[0] + 1)
try:
    raise TypeError("custom type error")
except TypeError as ex:
    print(type(ex).__name__, ex, ex.args)
try:
    raise IndexError
except IndexError as ex:
    print(type(ex).__name__, repr(str(ex)), ex.args)
class MyErr(Exception):
    def __init__(self, code, msg):
        Exception.__init__(self, code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return "[" + str(self.code) + "] " + self.msg
try:
    raise MyErr(404, "not found")
except MyErr as ex:
    print(ex, ex.args, ex.code, repr(str(ex)))
print(str(StopIteration(7)), StopIteration(7).value, repr(StopIteration()))
