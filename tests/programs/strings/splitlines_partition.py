text = "line one\nline two\r\nline three\rlast"
print(text.splitlines())
print(text.splitlines(True))
print("trailing\n".splitlines(), "\n\n".splitlines(), "".splitlines(), "no newline".splitlines())
print("a\n\nb\n".splitlines(), "x\x0by\x0cz\x1cw".splitlines())
s = "key=value=more"
print(s.partition("="), s.rpartition("="), s.partition("#"), s.rpartition("#"))
print("abc".partition("abc"), "abc".partition("a"), "abc".rpartition("c"))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError", e)
