def f():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise KeyError("b")
        except KeyError as inner:
            print("inner caught", inner)
        print("still in outer handler")
        return "done"
print(f())
def g():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        msg = str(e)
    return "handled: " + msg
print(g())
def h():
    try:
        try:
            raise ValueError("x")
        except ValueError:
            raise
        finally:
            print("h finally")
    except ValueError as e:
        return "outer " + str(e)
print(h())
def cleanup_order():
    order = []
    try:
        try:
            order.append(1)
            raise IndexError("ix")
        except IndexError:
            order.append(2)
            raise KeyError("k")
        finally:
            order.append(3)
    except KeyError:
        order.append(4)
    return order
print(cleanup_order())
