# bench-args: 35
# default-args: 31
# test-args: 15
# Recursion-heavy: naive doubly recursive Fibonacci, mutual recursion (Hofstadter
# female/male sequences) and the Takeuchi function. Argument: n for fib(n).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def female(n):
    if n == 0:
        return 1
    return n - male(female(n - 1))


def male(n):
    if n == 0:
        return 0
    return n - female(male(n - 1))


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 35
    print("fib", n, fib(n))
    m = n + 20
    fs = [female(i) for i in range(m)]
    ms = [male(i) for i in range(m)]
    print("hofstadter", sum(fs), sum(ms), fs[-1], ms[-1])
    t = n // 2
    print("tak", t, tak(t, t * 2 // 3, t // 3))


main()
