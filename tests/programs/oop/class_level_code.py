class Config:
    print("defining Config")
    items = []
    for i in range(3):
        items.append(i * i)
    squares = {i: i * i for i in range(3)}
    total = sum(items)
    if total > 3:
        big = True
    else:
        big = False
    del i
    def method(self): return self.total
    name = "cfg"
    upper = name.upper()
print(Config.items, Config.squares, Config.total, Config.big, Config.upper, Config().method())
print(hasattr(Config, "i"), Config.__name__, Config.__qualname__, Config.__module__)
def factory(n):
    class Inner:
        val = n
        def get(self): return self.val
    return Inner
A = factory(1); B = factory(2)
print(A().get(), B().get(), A.__qualname__)
class Outer:
    class Nested:
        pass
print(Outer.Nested.__qualname__, Outer.Nested.__name__)
x = 10
class UsesGlobal:
    y = x + 1
    x = 5
    z = x
print(UsesGlobal.y, UsesGlobal.z)
class Doc:
    "docstring here"
print(Doc.__doc__, Config.__doc__)
