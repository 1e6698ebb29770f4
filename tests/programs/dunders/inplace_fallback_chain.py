class N:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("add")
        return N(self.v + o)
    def __radd__(self, o):
        print("radd")
        return N(o + self.v)
    def __repr__(self): return f"N({self.v})"
x = N(1)
x += 2
print(x)
y = 5
y += N(1)
print(y)
class IAddNI:
    def __iadd__(self, o):
        print("iadd")
        return NotImplemented
    def __add__(self, o):
        print("add fallback")
        return "added"
z = IAddNI()
z += 1
print(z)
lst = [1]
alias = lst
lst *= 2
print(lst, alias is lst)
s = "ab"
s *= 2
print(s)
d = {"a": 1}
d |= {"b": 2}
print(d)
st = {1}
st2 = st
st |= {2}
st &= {2, 3}
st -= {9}
st ^= {4}
print(st, st is st2)
