class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def ro(self): return "read-only"
    def _get_f(self): return self._c * 9 / 5 + 32
    def _set_f(self, v): self._c = (v - 32) * 5 / 9
    fahrenheit = property(_get_f, _set_f, None, "F doc")
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
t.fahrenheit = 32
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(e)
try:
    t.ro = 1
except AttributeError as e:
    print(e)
try:
    del t.ro
except AttributeError as e:
    print(e)
print(Temp.celsius.__doc__, Temp.fahrenheit.__doc__, type(Temp.ro).__name__)
print(Temp.celsius.fget.__name__, Temp.ro.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self): return "sub:" + str(self._c)
s = Sub(); s.celsius = 5
print(s.celsius)
