a = 3
b = "str"
c = [1, 2]
d = {"k": 1.5}
print(f"a={a} b={b} c={c} d={d}")
print(f"{a + 1} {a * 2.5} {a > 2} {None} {b!r} {b!s} {c!r}")
print(f"{b.upper()}{len(c)}{d['k']}")
print(f"{'quoted'}" + f'{"double"}')
print(f"{{literal}} {a}{{x}}")
print(f"nested {f'{a}'} done", f"{[x * 2 for x in c]}")
print(f"", f"plain", f"{a}{a}{a}")
name = "it's"
print(f"{name!r} {name}")
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(" + str(self.x) + ")"
    def __str__(self):
        return "point " + str(self.x)
p = P(4)
print(f"{p} {p!r} {p!s}")
print(f"{1/3} {2**100} {-0.0}")
multi = (f"line {a}\n"
         f"line {b}")
print(multi)
