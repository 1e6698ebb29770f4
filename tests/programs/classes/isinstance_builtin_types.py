vals = [1, 2.0, "s", [1], (1,), {"a": 1}, {1}, frozenset(), None, True, range(3)]
for v in vals:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (str, dict, set)))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), issubclass(int, object))
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(type(1) is int, type("") is str, type([]) == list, type(None).__name__)
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), object), issubclass(B, object))
print(type(A()).__name__, type(B()) is B, type(B()) is A)
