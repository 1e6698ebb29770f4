b = b"hello"
print(b, type(b).__name__, len(b), b[0], b[-1], b[1:3], b[::-1])
print(b"", b"\x00\xff\n\t\\'", b'"', rb"\n", br"raw\x", b"a" b"b", b"\x41\102C")
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\r\x7f\x80"))
print(b == b"hello", b != b"hellp", b < b"help", b"ab" + b"cd", b"ab" * 3, 3 * b"x")
print(b"l" in b, 108 in b, b"xyz" in b, list(b"abc"), hash(b"abc") == hash(b"abc"))
