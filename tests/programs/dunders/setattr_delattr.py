class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
setattr(l, "b", 2)
print(l.a, l.b, vars(l))
del l.a
delattr(l, "b")
print(vars(l))
try:
    del l.nothing
except AttributeError as e:
    print(e)
class Frozen:
    def __init__(self, x): object.__setattr__(self, "x", x)
    def __setattr__(self, n, v): raise AttributeError(f"frozen: {n}")
f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print(e)
class Plain: pass
p = Plain()
p.q = 1
del p.q
try:
    del p.q
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
