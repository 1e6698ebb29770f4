class S:
    def __getitem__(self, k):
        return k
s = S()
print(s[1], s[1:2], s[::2], s[1:2, 3], s[..., 1], s[:], s["k"])
sl = s[1:10:3]
print(sl.start, sl.stop, sl.step, sl.indices(5), type(sl).__name__)
class Seq:
    def __init__(self, data): self.data = list(data)
    def __len__(self): return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.data[i]
    def __repr__(self): return f"Seq({self.data})"
q = Seq(range(10))
print(q[2], q[-1], q[2:5], q[::-3])
q[0] = 100
q[1:3] = [7, 7, 7]
del q[0]
del q[::2]
print(q)
for x in Seq("abc"):
    print(x)
print(list(Seq([1, 2])), tuple(Seq("xy")))
a, b = Seq([5, 6])
print(a, b)
print(slice(1, 2) == slice(1, 2), repr(slice(None, 5, None)))
