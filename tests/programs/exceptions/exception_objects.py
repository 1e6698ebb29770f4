caught = []
for f in [lambda: 1 / 0, lambda: [][0], lambda: {}[0]]:
    try:
        f()
    except Exception as e:
        caught.append(e)
print([type(e).__name__ for e in caught], [str(e) for e in caught])
print(isinstance(caught[0], ArithmeticError), isinstance(caught[2], LookupError))
try:
    raise caught[1]
except IndexError as e:
    print("re-raised stored instance:", e, e is caught[1])
def get_exc():
    try:
        raise ValueError("inside")
    except ValueError as e:
        return e
ex = get_exc()
print(type(ex).__name__, ex.args)
try:
    undefined_abc
except NameError as e:
    pass
try:
    e
except NameError as err:
    print("e unbound after except:", err)
class E1(Exception):
    pass
class E2(E1):
    pass
for cls in [E1, E2, Exception]:
    try:
        raise cls("msg")
    except E2:
        print("E2 handler", cls.__name__)
    except E1:
        print("E1 handler", cls.__name__)
    except Exception:
        print("Exception handler", cls.__name__)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError
except ValueError as e:
    print("raised class, got instance:", type(e).__name__, e.args)
