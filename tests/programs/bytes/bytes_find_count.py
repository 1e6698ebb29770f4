b = b"abracadabra"
print(b.find(b"a"), b.find(b"bra"), b.rfind(b"bra"), b.find(b"z"), b.count(b"a"), b.count(b"bra"), b.index(b"cad"))
print(b.find(97), b.count(ord("r")), b"a" in b, 98 in b, b"cad" in b, b"dac" in b, 256 - 1 in b"\xff")
try:
    300 in b
except ValueError as e:
    print(e)
try:
    "a" in b
except TypeError as e:
    print(e)
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b"ABC".isupper(), b"abc".islower(), b"".isdigit())
print(b"hello".partition(b"l"), b"hello".rpartition(b"l"), b"a b c".rsplit(None, 1), b"1,2,3".rsplit(b",", 1))
