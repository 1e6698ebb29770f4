print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"), "{1}{0}".format(1, 2))
print("{name} is {age}".format(name="Ann", age=30), "{a}{0}".format(9, a=8))
class P:
    x = 3
    def __init__(self): self.inner = {"k": [10, 20]}
p = P()
print("{0.x} {0.inner[k][1]} {p.x}".format(p, p=p))
print("{0[0]} {0[1]} {d[key]} {d[1]}".format(["a", "b"], d={"key": "v", 1: "int-key"}))
print("{:>6}|{:<6}|{:^6}".format("r", "l", "c"), "{0:{1}}|".format("w", 5), "{:{fill}^{w}}".format("m", fill="*", w=7))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("z"))
print("{{}} {{{}}}".format(5), "{}".format({"a": 1}), "{0}{0}".format("dup"))
print("{:.3f} {:e} {:,}".format(3.14159, 12345.678, 10**6))
print("{0[-1]}".format({-1: "neg"}) if False else "skip", "{a.real}".format(a=5))
