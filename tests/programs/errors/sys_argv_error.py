# args: alpha 42 beta
import sys
args = sys.argv[1:]
print(args, len(args))
n = int(args[1])
print(n * 2)
print(int(args[2]))
