# One 1-argument call and return per iteration (argv[2] == "call"), or the same loop with the
# call replaced by an assignment (argv[2] == "nocall"). Argument 1: iterations.
import sys


def f(x):
    return x


n = int(sys.argv[1])
i = 0
if sys.argv[2] == "call":
    while i < n:
        f(i)
        i += 1
else:
    while i < n:
        y = i
        i += 1
print(i)
