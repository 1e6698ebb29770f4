class Empty: pass
class Zero:
    def __len__(self): return 0
class Truthy:
    def __bool__(self):
        print("bool called")
        return True
print(bool(Empty()), bool(Zero()), bool(Truthy()))
print([x for x in [Empty(), Zero(), 0, "", "a"] if x].__len__())
if Truthy() and Zero():
    print("no")
else:
    print("else branch")
print(not Truthy(), any([Zero(), Zero()]), all([Truthy(), Empty()]))
class BadLen:
    def __len__(self): return 2**100
try:
    bool(BadLen())
except OverflowError as e:
    print("OverflowError", e)
