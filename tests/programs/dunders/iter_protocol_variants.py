class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sum(c), sorted(c), [x for x in c if x != 2])
print(dict(enumerate(c)), list(zip(c, "abc")), list(map(str, c)), tuple(reversed(list(c))))
class SelfIter:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
s = SelfIter()
print(list(s), list(s))
a, *rest = Countdown(5)
print(a, rest)
print(*Countdown(3), sep="-")
print(max(Countdown(4)), min(Countdown(4), key=lambda x: -x), any(x > 2 for x in Countdown(3)))
print(set(Countdown(4)), frozenset(Countdown(2)), "".join(str(x) for x in Countdown(5)))
