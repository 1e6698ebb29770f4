b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper(), b.split(), b.split(b","))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b"a,b,,c".split(b","), b"x".join((b"1", b"2")))
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abc".index(b"b"), b"abcabc".count(b"b"), b"abc".find(99))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")), b"abc".replace(b"b", b"XX"), b"a1".isdigit(), b"12".isdigit())
print(b"abc".isalpha(), b"ABC".isupper(), b" \t".isspace(), b"hello world".title(), b"Ab".swapcase(), b"ab".center(6, b"*"))
print(b"ab".ljust(4, b"."), b"ab".rjust(4), b"42".zfill(5), b"a\nb\r\nc".splitlines(), b"abc".partition(b"b"), b"a.b.c".rsplit(b".", 1))
print(b"\x00\x01".hex(), bytes.fromhex("0001"), b"abc".hex(":"), b"hello".capitalize(), b"ab".translate(None, b"a") if False else "")
try:
    b"a".join(["s"])
except TypeError as e:
    print(e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    "a" + b"b"
except TypeError as e:
    print(e)
print(b"a" == "a", b"abc"[1:] == bytearray(b"bc"))
