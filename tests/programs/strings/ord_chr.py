print([ord(c) for c in "AZaz09 ~\n"])
print([chr(i) for i in range(65, 75)], chr(0x263A), chr(233), repr(chr(0)), repr(chr(10)))
print(ord("é"), ord("日"), ord("\U0001F600"), chr(128512) == "\U0001F600")
s = "Hello"
shifted = "".join([chr((ord(c) - 65 + 13) % 26 + 65) if c.isupper() else chr((ord(c) - 97 + 13) % 26 + 97) for c in s])
print(shifted)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
print(sum([ord(c) for c in "checksum text"]))
