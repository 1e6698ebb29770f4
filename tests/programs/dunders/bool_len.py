class T:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(T(True)), bool(T(False)), bool(L(0)), bool(L(3)), len(L(7)))
print("yes" if L(1) else "no", "yes" if T(False) else "no")
print(not L(0), T(True) and 5, L(0) or "fallback")
x = 0
while L(3 - x):
    x += 1
print(x)
class Bad:
    def __bool__(self): return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(object())
except TypeError as e:
    print(e)
class Both:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Both()))
