"""Module docstring is ignored when run."""
def f():
    """Function docstring."""
    return 1
class C:
    """Class docstring."""
    pass
def g():
    pass
print(f(), g())
if True:
    pass
else:
    pass
for i in range(3):
    pass
print(i)
while False:
    pass
# comment only line
x = 1  # trailing comment
print(x)
c = C()
c.attr = 5
print(c.attr)
print("semicolon") if False else None
a = 1; b = 2; print(a + b)
if x: print("inline if")
for j in range(2): print("inline for", j)
