class Version:
    def __init__(self, s): self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __le__(self, o): return self.parts <= o.parts
    def __gt__(self, o): return self.parts > o.parts
    def __ge__(self, o): return self.parts >= o.parts
    def __hash__(self): return hash(self.parts)
    def __repr__(self): return ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs), sorted(vs, reverse=True))
print(Version("1.0") < Version("1.0.1") <= Version("1.0.1") > Version("0.1"))
print(len(set(vs)), vs.count(Version("1.2")), Version("2") in vs)
import_free = sorted([(Version("1.1"), "b"), (Version("1.1"), "a"), (Version("0.1"), "z")])
print(import_free)
