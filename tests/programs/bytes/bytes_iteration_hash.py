d = {b"k": 1, bytes([1, 2]): 2}
print(d[b"k"], d[b"\x01\x02"], sorted([b"b", b"a", b"ab"]), max(b"xyz"), min(b"xyz"), sum(b"\x01\x02"))
print({b"a", b"a", b"b"} == {b"a", b"b"}, b"abc" < b"abd", b"ab" < b"abc", b"" < b"\x00")
for i, c in enumerate(b"hi"):
    print(i, c, type(c).__name__)
print(list(reversed(b"abc")), b"abc".count(97), bytes(b"x") is not None, str(b"x"), f"{b'q'}", "%s" % b"z")
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(e)
print(isinstance(b"", bytes), isinstance(bytearray(), bytes), repr(bytearray(b"a'b")), b"%s" if False else "")
x = memoryview if False else None
print(b"abc"[5:], b"abc"[-10:2], bytearray(b"abcdef")[::2], b"a"[0:0])
try:
    b"abc"[3]
except IndexError as e:
    print(e)
try:
    bytearray(b"abc")[3]
except IndexError as e:
    print(e)
