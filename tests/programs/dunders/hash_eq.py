class K:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, K) and self.k == o.k
    def __hash__(self): return hash(self.k)
    def __repr__(self): return f"K({self.k!r})"
d = {K(1): "one", K("a"): "A"}
print(d[K(1)], d[K("a")], K(1) in d, K(2) in d)
s = {K(1), K(1), K(2)}
print(len(s), hash(K(5)) == hash(5))
class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)
try:
    {NoHash()}
except TypeError as e:
    print(e)
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class Big:
    def __hash__(self): return 2**70
print(hash(Big()))
class Neg:
    def __hash__(self): return -1
print(hash(Neg()))
class Bad:
    def __hash__(self): return "x"
try:
    hash(Bad())
except TypeError as e:
    print(e)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(e)
