def level3(x):
    if x == 3:
        raise KeyError("from level3")
    return 1 / x
def level2(x):
    try:
        return level3(x)
    except ZeroDivisionError:
        print("level2 handled div0")
        return -1
def level1(x):
    try:
        return level2(x)
    except KeyError as e:
        print("level1 handled", e)
        return -2
    finally:
        print("level1 finally", x)
for x in [1, 0, 3, 4]:
    print("result", level1(x))
def deep():
    try:
        try:
            try:
                raise ValueError("deep")
            except TypeError:
                print("wrong handler")
        except KeyError:
            print("wrong handler 2")
        finally:
            print("middle finally")
    except ValueError as e:
        print("outer got", e)
deep()
def handler_raises():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError as e:
        print("caught", e, "context", e.__context__)
handler_raises()
try:
    try:
        raise ValueError("x")
    finally:
        print("finally before propagation")
except ValueError:
    print("propagated")
