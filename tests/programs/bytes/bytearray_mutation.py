ba = bytearray(b"hello")
ba[0] = 72
print(ba, ba[0])
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba, len(ba))
ba[1:3] = b"EE"
print(ba)
del ba[0]
del ba[-2:]
print(ba, ba.pop(), ba)
ba += b"++"
print(ba)
ba.insert(0, 95)
ba.reverse()
print(ba)
ba2 = bytearray(3)
for i in range(3):
    ba2[i] = i * 100
print(ba2, list(ba2), bytes(ba2))
for bad in [lambda: ba2.__setitem__(0, 256), lambda: ba2.__setitem__(0, "x"), lambda: ba2.append(-1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(e)
print(bytearray(b"abc") == b"abc", b"abc" + bytearray(b"d"), bytearray(b"x") + b"y", ba2.copy(), ba2 * 2)
ba3 = bytearray(b"abc"); ba3.clear(); print(ba3)
ba4 = bytearray(b"aXbXc"); ba4.remove(88); print(ba4)
