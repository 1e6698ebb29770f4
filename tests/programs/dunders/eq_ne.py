class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o):
        if not isinstance(o, P): return NotImplemented
        return self.x == o.x
print(P(1) == P(1), P(1) == P(2), P(1) != P(2), P(1) != P(1))
print(P(1) == 1, 1 == P(1), P(1) != "a")
print(P(1) in [P(0), P(1)], [P(1)].count(P(1)), [P(3), P(1)].index(P(1)))
class Q:
    def __ne__(self, o): return "ne-called"
print(Q() != Q(), Q() == Q())
