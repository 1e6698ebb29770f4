class Countdown:
    def __init__(self, n):
        self.n = n
    def step(self):
        if self.n <= 0:
            raise StopIteration("finished")
        self.n -= 1
        return self.n + 1
c = Countdown(3)
out = []
while True:
    try:
        out.append(c.step())
    except StopIteration as e:
        out.append(str(e))
        break
print(out)
def manual_iter(seq):
    it = iter(seq)
    res = []
    while True:
        try:
            res.append(next(it))
        except StopIteration:
            return res
print(manual_iter("abc"), manual_iter([]))
