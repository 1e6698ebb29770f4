class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, getattr(o, 'v', o))
        if isinstance(o, V): return self.v < o.v
        return NotImplemented
    def __gt__(self, o):
        print("gt", self.v, getattr(o, 'v', o))
        if isinstance(o, V): return self.v > o.v
        return NotImplemented
    def __repr__(self): return f"V({self.v})"
print(V(1) < V(2))
print(V(3) > V(2))
print(5 < V(7))
print(5 > V(7))
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(9), V(2)]), min(V(4), V(0)))
try:
    V(1) < "x"
except TypeError as e:
    print(e)
