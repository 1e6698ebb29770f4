texts = ["hello", "héllo wörld", "日本語", "emoji \U0001F600", ""]
for t in texts:
    u = t.encode("utf-8")
    print(len(t), len(u), u, u.decode("utf-8") == t, t.encode() == u)
print("abc".encode("ascii"), "é".encode("latin-1"), b"\xe9".decode("latin-1"), "x".encode("UTF-8"), b"A".decode("ASCII"))
for bad in [b"\xff\xfe", b"abc\x80", b"\xe6\x97"]:
    try:
        bad.decode("utf-8")
    except UnicodeDecodeError as e:
        print(e)
try:
    "日本".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
print(isinstance(UnicodeDecodeError("utf-8", b"", 0, 1, "r") if False else ValueError(), ValueError), issubclass(UnicodeDecodeError, UnicodeError))
