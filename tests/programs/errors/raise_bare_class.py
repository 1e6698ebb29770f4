def f(flag):
    if flag:
        raise NotImplementedError
    return "ok"
print(f(False))
f(True)
