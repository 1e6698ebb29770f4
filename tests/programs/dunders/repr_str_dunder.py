class A:
    def __repr__(self): return "A-repr"
class B:
    def __str__(self): return "B-str"
class C(A):
    def __str__(self): return "C-str"
print(A(), str(A()), repr(A()), [A()], f"{A()}", f"{A()!r}", "%s %r" % (A(), A()))
b = B()
print(str(b), repr(b).startswith("<__main__.B object at 0x"), [C()], C(), "{}".format(C()))
print({"k": A()}, (A(),), {A()} if A.__hash__ else None)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
class Fmt:
    def __format__(self, spec): return "fmt:" + spec
print(format(Fmt(), "xyz"), f"{Fmt():>10}", "{:abc}".format(Fmt()))
print(repr(object()).startswith("<object object at"), str(type(A())))
