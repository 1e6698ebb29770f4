class Bag:
    pass
b = Bag()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(b, name, i)
print(b.alpha, b.beta, getattr(b, "gamma"), hasattr(b, "delta"), getattr(b, "delta", "none"))
b.alpha += 100
print(b.alpha)
try:
    b.missing_attr
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(b, "nope")
except AttributeError as e:
    print("AttributeError", e)
del b.beta
print(hasattr(b, "beta"))
class WithMethod:
    def m(self):
        return "method"
w = WithMethod()
print(getattr(w, "m")(), hasattr(w, "m"), callable(w.m), callable(w))
w.m = lambda: "instance attr shadows method"
print(w.m(), WithMethod().m())
try:
    (5).attr
except AttributeError as e:
    print("AttributeError", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError", e)
