class A:
    x = "A"
    def hello(self): return "A.hello"
class B(A):
    def hello(self): return "B.hello/" + super().hello()
class C(A):
    x = "C"
    def hello(self): return "C.hello/" + super().hello()
class D(B, C):
    pass
d = D()
print(d.x, d.hello(), [k.__name__ for k in D.__mro__])
print(isinstance(d, (B, C)), issubclass(D, A), D.__bases__, D.__base__)
class Mixin:
    def describe(self): return f"{type(self).__name__} with {self.fields()}"
class Record:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def fields(self): return sorted(self.__dict__)
class Person(Mixin, Record): pass
print(Person(name="Ann", age=3).describe())
class Left:
    def __init__(self, **kw):
        print("Left", kw)
        super().__init__(**kw)
class Right:
    def __init__(self, **kw):
        print("Right", kw)
        super().__init__()
class Both(Left, Right):
    def __init__(self):
        super().__init__(a=1)
Both()
