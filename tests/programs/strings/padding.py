s = "abc"
for w in [0, 2, 3, 4, 7, 8]:
    print(repr(s.ljust(w)), repr(s.rjust(w)), repr(s.center(w)), repr(s.ljust(w, "*")), repr(s.rjust(w, "-")), repr(s.center(w, ".")))
print(repr("ab".center(5)), repr("ab".center(6, "x")), repr("abc".center(6)), repr("a".center(4, "=")))
for v in ["42", "-42", "+42", "", "abc", "3.14", "-"]:
    print(repr(v.zfill(6)), repr(v.zfill(1)))
print(str(7).zfill(3), str(-7).zfill(4), str(12345).rjust(3))
try:
    "x".ljust(5, "ab")
except TypeError as e:
    print("TypeError", e)
rows = [("name", "qty"), ("apple", "3"), ("kiwi", "12")]
for a, b in rows:
    print(a.ljust(8) + "|" + b.rjust(4) + "|")
