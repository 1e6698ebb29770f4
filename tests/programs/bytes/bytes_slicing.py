data = bytes(range(20))
print(data[::2], data[1::3], data[-5:], data[:-15], data[15:5:-2], data[100:], data[-100:2])
ba = bytearray(data)
ba[0:5] = b""
print(ba[:5], len(ba))
ba[::5] = b"\xaa\xbb\xcc"
print(ba)
del ba[::2]
print(ba)
ba[2:2] = b"ins"
print(ba)
try:
    ba[::2] = b"x"
except ValueError as e:
    print(e)
print(type(data[1:3]).__name__, type(ba[1:3]).__name__, data[3], ba[-1])
