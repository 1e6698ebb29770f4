print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash(-1), hash(-2))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(1e300), hash(float("inf")), hash(0.5), hash(-0.0))
print(hash(()), hash((1,)), hash((1, 2)), hash(("a", 1)), hash(frozenset()), hash(frozenset({1, 2})))
print(hash("") , hash("a"), hash("hello"), hash(b"hello") == hash("hello"), hash(None) == hash(None))
d = {1: "int", 1.0: "float", True: "bool"}
print(d, {0.0: 1, 0: 2, False: 3})
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): return self.h == o.h
print(hash(H(-1)), hash(H(2**64)), len({H(1), H(1), H(2)}))
