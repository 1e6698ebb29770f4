class W:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
print(W(1) <= W(1), W(2) >= W(3), W(1) <= W(0))
try:
    W(1) < W(2)
except TypeError as e:
    print(e)
class Sub(W):
    def __ge__(self, o):
        print("Sub.__ge__")
        return True
print(W(5) <= Sub(1))
