class Money:
    def __init__(self, cents): self.cents = cents
    def __eq__(self, o):
        if isinstance(o, Money): return self.cents == o.cents
        if isinstance(o, int): return self.cents == o * 100
        return NotImplemented
    def __lt__(self, o):
        if isinstance(o, Money): return self.cents < o.cents
        if isinstance(o, (int, float)): return self.cents < o * 100
        return NotImplemented
    def __gt__(self, o):
        if isinstance(o, Money): return self.cents > o.cents
        if isinstance(o, (int, float)): return self.cents > o * 100
        return NotImplemented
    __hash__ = None
m = Money(250)
print(m == 2, 2 == m, m == Money(250), m != 3, m < 3, 3 > m, 2 < m, m > 2.4, 2.6 > m)
print(sorted([Money(300), Money(100)], key=lambda x: x.cents)[0].cents, Money(5) == "5")
try:
    m <= 3
except TypeError as e:
    print(e)
try:
    {m}
except TypeError as e:
    print(e)
