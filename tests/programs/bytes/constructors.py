print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("héllo", "utf-8"), bytes(b"copy"))
print(bytearray(), bytearray(2), bytearray(b"abc"), bytearray([1, 2]), bytearray("xy", "ascii"))
print(bytes(bytearray(b"ba")), bytes((x for x in [104, 105])), bytes.fromhex("de ad BE EF"), b"\x01\xab".hex())
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("s"), lambda: bytes(-1), lambda: bytes(["a"]), lambda: bytes(1.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("héllo".encode(), "abc".encode("ascii"), b"h\xc3\xa9llo".decode(), b"abc".decode("utf-8"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(b"abc".decode("latin-1"), "\xe9".encode("latin-1"))
