items = [b"b", b"", b"ab", b"a", b"\xff", b"\x00", bytearray(b"aa")]
print(sorted(items))
print(b"a" < b"b", b"ab" > b"a", b"a" <= bytearray(b"a"), bytearray(b"z") > b"y", b"abc" == bytearray(b"abc"))
print(b"x" != "x", max(b"hello"), min(bytearray(b"zy")), sorted(b"dcba"), b"ab" * 0, -1 * b"x")
try:
    b"a" < "a"
except TypeError as e:
    print(e)
