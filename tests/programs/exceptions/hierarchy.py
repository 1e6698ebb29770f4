def catch(exc_type, func):
    try:
        func()
        return "none"
    except exc_type as e:
        return "caught " + type(e).__name__
    except BaseException as e:
        return "escaped " + type(e).__name__
print(catch(LookupError, lambda: {}[1]))
print(catch(LookupError, lambda: [][1]))
print(catch(LookupError, lambda: "x"[9]))
print(catch(ArithmeticError, lambda: 1 // 0))
print(catch(ArithmeticError, lambda: 2.0 ** 5000))
print(catch(Exception, lambda: int("x")))
print(catch(Exception, lambda: undefined_name_q))
print(catch(ValueError, lambda: [].pop()))
print(catch(KeyError, lambda: [][0]))
print(catch((KeyError, IndexError), lambda: [][0]))
print(catch(NameError, lambda: undefined_name_q))
def unbound():
    print(later_var)
    later_var = 1
print(catch(NameError, unbound))
print(catch(UnboundLocalError, unbound))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(StopIteration, Exception), issubclass(Exception, BaseException))
print(issubclass(IndexError, LookupError), issubclass(KeyError, LookupError), issubclass(OverflowError, ArithmeticError))
print(issubclass(AssertionError, Exception), issubclass(AttributeError, Exception), issubclass(TypeError, ValueError))
def raise_it(e):
    raise e
for exc in [ValueError("v"), KeyError("k"), IndexError("i"), ZeroDivisionError("z"), RuntimeError("r"), NotImplementedError("n"), StopIteration("s"), AssertionError("a"), OverflowError("o")]:
    print(type(exc).__name__, catch(LookupError, lambda: raise_it(exc)), catch(ArithmeticError, lambda: raise_it(exc)), catch(RuntimeError, lambda: raise_it(exc)))
