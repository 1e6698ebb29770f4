class Squares:
    def __getitem__(self, i):
        if i > 10: raise IndexError(i)
        return i * i
s = Squares()
print(49 in s, 50 in s, list(s), s[3])
class Weird:
    def __iter__(self): yield from (1, 2)
    def __contains__(self, x): return x == "only"
print(1 in Weird(), "only" in Weird(), list(Weird()))
class NotContainer: pass
try:
    1 in NotContainer()
except TypeError as e:
    print(e)
