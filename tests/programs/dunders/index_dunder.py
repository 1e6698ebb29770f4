class Idx:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
i = Idx(2)
l = [10, 20, 30, 40]
print(l[i], "abcd"[i], (1, 2, 3)[Idx(-1)], l[Idx(1):Idx(3)], range(10)[i])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), [0] * Idx(3), "ab" * Idx(2))
print(range(Idx(3)), list(range(Idx(1), Idx(7), Idx(2))), operator_index := Idx(9).__index__())
try:
    l[1.5]
except TypeError as e:
    print(e)
try:
    "abc"["x"]
except TypeError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
class BadIdx:
    def __index__(self): return "no"
try:
    l[BadIdx()]
except TypeError as e:
    print(e)
print(int(Idx(4)) if hasattr(Idx, '__int__') else "no __int__")
