s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("abcHELLOcba".strip("abc")), repr("www.example.com".strip("cmowz.")))
print(repr("".strip()), repr("   ".strip()), repr("a".strip("a")), repr("ab".strip("")))
print(repr("--==text==--".strip("-=")), repr("123abc321".lstrip("0123456789")))
print(repr("\r\n line \r\n".rstrip()), repr("mississippi".rstrip("ips")))
print(repr("  x  ".strip(None)), repr("aaa".lstrip("a")))
