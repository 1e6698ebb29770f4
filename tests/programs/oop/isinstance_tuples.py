class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(3, (str, (float, int))))
print(issubclass(B, (C, A)), issubclass(B, ()), issubclass(bool, (int,)), isinstance(True, int))
print(issubclass(B, object), issubclass(type, object), isinstance(A, type), isinstance(int, type))
print(isinstance(b, object), isinstance(None, object), issubclass(B, B))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    issubclass(int, (int, 3))
except TypeError as e:
    print("err", e)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, IndexError)))
