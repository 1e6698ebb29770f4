tests = [
    ("{:d}", 1.5), ("{:s}", 1), ("{:x}", "s"), ("{:,s}", "a"), ("{:=}", "a"), ("{:c}", 1.5),
    ("{:.2d}", 5), ("{:zz}", 1), ("{:+s}", "a"), ("{:#s}", "x"), ("{:,c}", 65), ("{:c}", -1),
    ("{:,x}", 5), ("{:_d}", 1), ("{:.1c}", 65), ("{:q}", 1.0), ("{:,_}", 1), ("{:%}", "s"),
]
for fmt, v in tests:
    try:
        print(repr(fmt.format(v)))
    except (ValueError, TypeError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
for spec in ["d", ">", "x<5"]:
    try:
        print(format(object(), spec))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print(format([1], "^5"))
except TypeError as e:
    print(e)
