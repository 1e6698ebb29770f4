# args: one 2 "three four" -x
import sys
print(sys.argv[1:])
print(len(sys.argv) - 1)
total = 0
for a in sys.argv[1:]:
    if a.isdigit():
        total += int(a)
print("numeric total", total)
print([a.upper() for a in sys.argv[1:]])
