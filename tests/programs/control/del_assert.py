x = 5
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = [1, 2, 3, 4]
del lst[0]
del lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(hasattr(o, "attr"), hasattr(o, "other"))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError", e)
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(str(e)), e.args)
try:
    assert False, "custom message " + str(42)
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print("AssertionError", e)
def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError " + str(e)
print(local_del())
