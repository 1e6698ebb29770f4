def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: "abc" + 1)
attempt(lambda: "abc" * "x")
attempt(lambda: "abc" * 2.0)
attempt(lambda: "abc"[5])
attempt(lambda: "abc".index("d"))
attempt(lambda: "abc" - "a")
attempt(lambda: -"abc")
attempt(lambda: int("12x"))
attempt(lambda: float("x1"))
attempt(lambda: "a" < 1)
attempt(lambda: "abc".foo)
attempt(lambda: len(5))
key = "1"
attempt(lambda: "abc"[key])
attempt(lambda: 1 in "abc")
attempt(lambda: "x".join("yz"))
attempt(lambda: ord(""))
def assign():
    s = "abc"
    s[0] = "x"
attempt(assign)
