import sys
sys.setrecursionlimit(100000)
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(50000))
def tri(n):
    return 0 if n == 0 else n + tri(n - 1)
print(tri(30000))
def mutual_a(n):
    return n if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return n if n == 0 else mutual_a(n - 1)
print(mutual_a(40001))
