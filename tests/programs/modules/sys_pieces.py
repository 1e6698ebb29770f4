import sys

print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit())
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
print(sys.version_info[0], sys.version_info[:2], sys.version_info >= (3, 8), len(sys.version_info))
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("no newline;")
sys.stdout.write(" then one\n")
sys.stderr.write("this goes to stderr\n")
print(sys.argv[0].endswith("sys_pieces.py"), len(sys.argv))
print("sys" in sys.modules, sys.modules["sys"] is sys)
sys.stdout.flush()
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.args)
