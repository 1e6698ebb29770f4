class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(" + repr(self.v) + ")"
    def __str__(self):
        return "<both " + str(self.v) + ">"
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "OnlyRepr(" + repr(self.v) + ")"
class OnlyStr:
    def __str__(self):
        return "only str"
b = Both("x")
r = OnlyRepr([1, "a"])
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(r, str(r), repr(r), [r])
print(OnlyStr(), str(OnlyStr()))
print(f"{b} {b!r} {r}")
print("concat: " + str(b) + " / " + repr(r))
class Tree:
    def __init__(self, val, kids=None):
        self.val = val
        self.kids = kids or []
    def __repr__(self):
        if not self.kids:
            return "T(" + repr(self.val) + ")"
        return "T(" + repr(self.val) + ", " + repr(self.kids) + ")"
print(Tree(1, [Tree(2), Tree(3, [Tree(4)])]))
