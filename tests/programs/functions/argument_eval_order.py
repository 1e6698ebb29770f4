log = []
def v(x):
    log.append(x)
    return x
def f(a, b, c=None, *args, **kw):
    return (a, b, c, args, sorted(kw.items()))
print(f(v(1), v(2), c=v(3), d=v(4)), log)
log.clear()
print(f(v("a"), *[v("b"), v("c")], **{"k": v("d")}), log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(d, log)
log.clear()
lst = [v(1), v(2)][v(0)]
print(lst, log)
log.clear()
x = v(10) + v(20) * v(30)
print(x, log)
log.clear()
v(log).append(v("appended"))
print(log)
