class A: pass
class B(A): pass
b = B()
print(type(b).__name__, type(b).__qualname__, type(b).__module__, B.__mro__, A.__subclasses__ if False else "")
print(type(type(b)), type(B), type(int), isinstance(B, type), type(b) in (A, B))
print(B.__base__ is A, A.__base__ is object, object.__base__, B.__bases__, object.__bases__)
print(type(3) is int, type(True) is bool, type(True) is int, isinstance(True, int))
print(int.__mro__, bool.__mro__, str.__mro__, dict.__mro__)
print(type.__name__, object.__name__, type(None).__name__, type(NotImplemented).__name__, type(...).__name__)
print(getattr(b, "__class__") is B, b.__class__.__bases__[0].__name__, hasattr(b, "__dict__"))
print(callable(type), type("X", (), {})().__class__.__name__, type("Y", (B,), {"z": 1}).z)
