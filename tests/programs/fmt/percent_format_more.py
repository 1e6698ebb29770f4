print("%s|%10s|%-10s|%.2s" % ("abc", "abc", "abc", "abc"))
print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o" % (42, 42, 42, 42, 42, 42, 255, 255, 8, 255, 8))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 31415.9, 0.0000314, 3e20))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30})
print("%c%c%c" % (72, "i", 33), "%%d" % (), "%s" % (1,), "%r" % "q", "%a" % "é")
print("%5.1f%%" % 99.44, "%.0f" % 0.5, "%.0f" % 1.5, "%.0f" % 2.5, "%d" % -0.5, "%i" % 7.9)
print("%s and %s" % (["a"], {"k": 1}), "%s" % 10**20, "%d" % 10**20, "%x" % 2**70)
try:
    print("%s %s" % ("only",))
except TypeError as e:
    print(e)
try:
    print("%d" % None)
except TypeError as e:
    print(e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print(e)
