template = "{name} has {count:>3} item{plural} costing ${total:,.2f}"
for name, count, total in [("Ann", 1, 9.5), ("Bob", 12, 12345.678)]:
    print(template.format(name=name, count=count, plural="" if count == 1 else "s", total=total))
print("{0}{1}{0}".format("ab", "cd"), "{:>{}}".format("x", 4), "{:{}{}}".format(5, ">", 3))
print("{0!r:<8}|{1!s:>6}|{2!a}".format("s", 2, "ü"))
point = {"x": 1, "y": 2}
print("({x}, {y})".format(**point), "({0[x]}, {0[y]})".format(point))
class P:
    def __init__(self): self.x, self.y = 3, 4
print("{0.x}/{0.y}".format(P()), "{p.x}".format(p=P()))
print("{}".format(None), "{:>5}".format(True), "{:d}".format(True), "{:.2}".format("abc"))
print("a{{b}}c".format(), "{{{}}}".format("in braces"))
