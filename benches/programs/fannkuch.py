# bench-args: 9
# default-args: 9
# test-args: 7
# Fannkuch-redux: for every permutation of 1..n (generated in Heap-like counting order),
# count the prefix reversals until 1 is in front. Argument: n.
# Prints a signed checksum and the maximum number of flips.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    nperm = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        nperm += 1
        # next permutation
        while True:
            if r == n:
                return checksum, max_flips, nperm
            p0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        sign = -sign


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    checksum, flips, nperm = fannkuch(n)
    print(checksum)
    print("Pfannkuchen(" + str(n) + ") = " + str(flips))
    print("permutations", nperm)


main()
