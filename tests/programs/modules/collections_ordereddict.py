from collections import OrderedDict

o = OrderedDict()
o["b"] = 2; o["a"] = 1; o["c"] = 3
print(o, list(o), list(o.keys()), list(o.values()))
o.move_to_end("b"); print(o)
o.move_to_end("c", last=False); print(o)
print(o.popitem(), o)
print(o.popitem(last=False), o)
p = OrderedDict([("x", 1), ("y", 2)])
q = OrderedDict([("y", 2), ("x", 1)])
print(p == q, p == dict(q), dict(p) == dict(q))
print(OrderedDict(), OrderedDict(a=1), isinstance(p, dict), len(p))
r = p.copy(); r["z"] = 0; print(r, p)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    p.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)
