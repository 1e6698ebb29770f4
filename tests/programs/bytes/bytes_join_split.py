parts = [b"alpha", b"beta", bytearray(b"gamma")]
joined = b", ".join(parts)
print(joined, joined.split(b", "), joined.split(), b"a  b\tc\n".split(), b"".join([b"x"] * 3))
print(bytearray(b"-").join([b"1", b"2"]), b"k=v;k2=v2".split(b";"), [p.split(b"=") for p in b"k=v;k2=v2".split(b";")])
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"\n line \n".rstrip(), b"..a..".lstrip(b"."))
print(b"hello world".replace(b"o", b"0"), b"aaa".replace(b"a", b"b", 2), b"abc".replace(b"", b"-"))
print(b"Hello".upper(), b"Hello".lower(), b"hello world".title(), b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc"))
