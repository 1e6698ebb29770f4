def attempt(x):
    log = []
    try:
        log.append("try")
        r = 10 / x
    except ZeroDivisionError:
        log.append("except")
        r = None
    else:
        log.append("else")
        r = r * 2
    finally:
        log.append("finally")
    return r, log
print(attempt(5))
print(attempt(0))
def else_raises():
    try:
        pass
    except ValueError:
        print("not reached")
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as e:
    print("caught", e)
for i in range(3):
    try:
        if i == 1:
            raise KeyError(i)
    except KeyError as e:
        print("except", e)
    else:
        print("else", i)
