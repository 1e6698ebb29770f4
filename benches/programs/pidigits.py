# bench-args: 7500
# default-args: 2700
# test-args: 120
# Pidigits: Gibbons' unbounded spigot for the digits of pi: one linear fractional
# transformation (q, r, t) composed per series term, a digit emitted whenever
# floor((q*x + r) / t) agrees for x = 3 and x = 4. Stresses arbitrary-precision int
# multiply, add and floor division on ever-growing numbers. Argument: number of digits.
# Prints the digits ten to a line, as the benchmarks game does.
import sys


def pi_digits(count):
    q, r, t = 1, 0, 1
    k = 1
    produced = 0
    while produced < count:
        # compose with the next term (k, 4k + 2, 0, 2k + 1)
        l = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * l, t * l
        k += 1
        if q > r:
            continue
        digit = (3 * q + r) // t
        if digit != (4 * q + r) // t:
            continue
        yield digit
        produced += 1
        # shift the digit out: multiply by 10, subtract digit * t
        q, r = q * 10, (r - digit * t) * 10


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 7500
    line = []
    printed = 0
    checksum = 0
    for d in pi_digits(count):
        line.append(str(d))
        checksum = (checksum * 10 + d) % 998244353
        if len(line) == 10:
            printed += 10
            print("".join(line) + "\t:" + str(printed))
            line = []
    if line:
        printed += len(line)
        print("".join(line).ljust(10) + "\t:" + str(printed))
    print("checksum", checksum)


main()
