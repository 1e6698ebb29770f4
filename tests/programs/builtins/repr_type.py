vals = [1, -2, 3.5, "s", "it's", [1, "a"], (1,), (), {"k": [1]}, None, True, False, 10 ** 20, -0.0, float("inf"), range(3), range(1, 10, 2)]
for v in vals:
    print(repr(v), type(v).__name__)
print(repr(repr("x")), repr(str(5)), str(repr(5)))
def f():
    pass
class C:
    pass
print(type(f).__name__, type(C()).__name__, type(C).__name__, type(x for x in []).__name__)
