x = None
print(x, x is None, x is not None, x == None, repr(x), str(x))
print(type(None).__name__)
def f():
    pass
print(f(), f() is None)
def g(a):
    if a:
        return a
print(g(0), g(3))
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, c is not a)
print(None == 0, None == False, None == "", None != None)
d = {None: "none", 0: "zero"}
print(d[None], d[0])
print([None] * 3)
lst = [None, 1, None]
print(lst.count(None), lst.index(None), None in lst)
