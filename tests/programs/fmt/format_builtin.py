print(format(255, "x"), format(255, "#b"), format(3.14159, ".2f"), format("s", ">3"), format(10**30, ","))
print(format(True), format(True, "d"), format(1.0), format(1e16), format(-0.0), format(2**63))
class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        if spec == "": return f"${self.c / 100:.2f}"
        return f"${self.c / 100:{spec}}"
m = Money(12345)
print(format(m), format(m, ",.1f"), f"{m}", f"{m:>10.2f}", "{:.0f}".format(m))
class NoFormat: pass
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(e)
print(format(NoFormat(), "") .startswith("<__main__.NoFormat"))
class BadFmt:
    def __format__(self, spec): return 1
try:
    format(BadFmt())
except TypeError as e:
    print(e)
print(type(format(5)).__name__, str.format("{}-{}", 1, 2))
