print("%d %i %s %r %a" % (5, 6, "s", "r", "é"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %e %E %f %g %G %c %c %%" % (255, 255, 8, 255, 8, 1.5, 1.5, 2.25, 0.0001, 1e20, 65, "z"))
print("%.2f %.0f %10.3f %-10.1f| %.3e %.3s" % (3.14159, 2.5, 1.0, 2.0, 12345.678, "abcdef"))
print("%(a)s-%(b)05.1f" % {"a": "x", "b": 2.25}, "%s" % [1, 2], "%s" % ((1, 2),), "%*d|%-*d|" % (5, 1, 4, 2))
print("%s %s" % ("a", "b"), "%d%%" % 50, "%.*f" % (2, 1.23456), "%s" % None, "%r" % (None,))
print("%d" % 3.99, "%s" % 3.5, "%i" % True, "%x" % -255, "%5s|%-5s|" % ("ab", "cd"), "%c" % 0x263a)
for fmt, args in [("%d", "s"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%c", "ab"), ("%(a)s", 1), ("%x", 1.5), ("%", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)
