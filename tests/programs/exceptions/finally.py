def f1():
    try:
        return "try"
    finally:
        print("finally in f1")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
print(f3())
def f4():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f4())
def f5():
    x = []
    try:
        x.append(1)
        try:
            x.append(2)
            raise KeyError("k")
        finally:
            x.append(3)
    except KeyError:
        x.append(4)
    finally:
        x.append(5)
    return x
print(f5())
def f6():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after loop"
print(f6())
def f7(n):
    try:
        if n:
            raise IndexError("ix")
        return "normal"
    except IndexError:
        return "handled"
    finally:
        print("f7 finally", n)
print(f7(0), f7(1))
def f8():
    for i in range(3):
        try:
            try:
                continue
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
f8()
def f9():
    try:
        for i in range(3):
            try:
                return i
            finally:
                if i < 1:
                    continue
    finally:
        print("f9 outer finally")
print(f9())
