# Micro-benchmark for host instructions per bytecode: a loop of local-variable traffic. Each
# iteration runs FOR_ITER, STORE_FAST, 16 LOAD_FAST/STORE_FAST pairs (four rotations of three
# locals through a temporary) and JUMP_ABSOLUTE. Argument: iterations. The instruction-count
# bench runs it at two lengths and divides the difference in host instructions by the
# difference in executed bytecodes, so start-up and compilation cancel.
import sys


def rotate(n):
    a = 0
    b = 1
    c = 2
    for i in range(n):
        t = a
        a = b
        b = c
        c = t
        t = a
        a = b
        b = c
        c = t
        t = a
        a = b
        b = c
        c = t
        t = a
        a = b
        b = c
        c = t
    return a, b, c


n = int(sys.argv[1])
# Four rotations per iteration; a rotation of three values repeats every three.
shift = 4 * n % 3
if rotate(n) != ((0 + shift) % 3, (1 + shift) % 3, (2 + shift) % 3):
    raise SystemExit("local_traffic: wrong values after the loop")
