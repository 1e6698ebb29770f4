data = b"Hello"
print([chr(c) for c in data], "".join(chr(c) for c in data), bytes(ord(c) for c in "World"))
print(ord(b"A"), ord(bytearray(b"z")), chr(data[0]).lower(), data[0] ^ 0x20, bytes([data[0] ^ 0x20]))
table = bytes(range(256))
print(table[65:70], len(table), table[-1], sum(table) % 251)
rot = bytes((c - 97 + 13) % 26 + 97 if 97 <= c <= 122 else c for c in b"hello world")
print(rot, rot.decode())
try:
    ord(b"ab")
except TypeError as e:
    print(e)
