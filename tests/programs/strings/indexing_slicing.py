s = "Hello, World!"
print(s[0], s[4], s[-1], s[-13], s[7])
print(s[0:5], s[7:], s[:5], s[:], s[-6:], s[-6:-1], s[3:3], s[10:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1], s[5:0:-1], s[5::-1], s[:5:-1])
print(s[100:], s[-100:3], s[2:100], s[::100], s[::-100])
print(s[1:10:3], s[10:1:-3], s[-2:-12:-4])
for bad in [13, -14, 100]:
    try:
        s[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
print("".join([s[i] for i in range(len(s)) if i % 3 == 0]))
print("abcdef"[slice(1, 5, 2)], "abcdef"[slice(None, None, -1)], "abcdef"[slice(3)])
