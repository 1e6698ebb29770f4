class Obj:
    cls_attr = "class level"
    def __init__(self):
        self.a = 1
o = Obj()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "zz", "default"), getattr(o, "zz", None))
setattr(o, "b", [1, 2])
setattr(o, "a", 100)
print(o.a, o.b, hasattr(o, "b"), hasattr(o, "c"), hasattr(Obj, "cls_attr"), hasattr(Obj, "a"))
names = ["x1", "x2", "x3"]
for i, n in enumerate(names):
    setattr(o, n, i * i)
print([getattr(o, n) for n in names])
print(getattr("abc", "upper")(), getattr([1, 2], "count")(1), hasattr("s", "split"), hasattr(5, "split"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError", e)
meth = getattr(o, "__init__")
meth()
print(o.a)
