class C:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
print(4 in C(), 3 in C(), 3 not in C())
class G:
    def __getitem__(self, i):
        if i >= 5: raise IndexError
        return i * 10
print(20 in G(), 25 in G())
class It:
    def __iter__(self): return iter([1, 2, 3])
print(2 in It(), 9 in It())
class R:
    def __contains__(self, x): return 1
print(5 in R())
try:
    1 in object()
except TypeError as e:
    print(e)
