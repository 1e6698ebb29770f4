# Micro-benchmark for host instructions per call: a loop making one 1-argument Python call per
# iteration to a function that returns its argument. Per iteration: FOR_ITER, STORE_FAST,
# LOAD_FAST (the function, hoisted into a local), LOAD_FAST, CALL_FUNCTION 1, then in the callee
# LOAD_FAST and RETURN_VALUE, then POP_TOP and JUMP_ABSOLUTE. Argument: iterations. The
# instruction-count bench runs it at two lengths and divides the difference in host
# instructions by the difference in calls, so start-up and compilation cancel.
import sys


def identity(x):
    return x


def call_loop(n):
    f = identity
    for i in range(n):
        f(i)
    return f(n)


n = int(sys.argv[1])
if call_loop(n) != n:
    raise SystemExit("call_return: wrong result")
