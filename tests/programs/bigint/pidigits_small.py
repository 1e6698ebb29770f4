def pidigits(n):
    i = k = ns = 0
    k1 = 1
    a, d, t, u = 0, 1, 0, 0
    nn, dd = 1, 1
    out = []
    while True:
        k += 1
        t = nn << 1
        nn *= k
        a += t
        k1 += 2
        a *= k1
        dd *= k1
        if a >= nn:
            t, u = divmod(nn * 3 + a, dd)
            u += nn
            if dd > u:
                ns = ns * 10 + t
                i += 1
                if i % 10 == 0:
                    out.append("%010d\t:%d" % (ns, i))
                    ns = 0
                if i >= n:
                    break
                a -= dd * t
                a *= 10
                nn *= 10
    return out
for line in pidigits(300):
    print(line)
