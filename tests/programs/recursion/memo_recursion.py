memo = {}
def ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    key = (n, len(coins))
    if key in memo:
        return memo[key]
    r = ways(n - coins[0], coins) + ways(n, coins[1:])
    memo[key] = r
    return r
print(ways(100, [50, 25, 10, 5, 1]), ways(300, [200, 100, 50, 20, 10, 5, 2, 1]))
def lcs(a, b):
    cache = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return 0
        if (i, j) in cache:
            return cache[(i, j)]
        if a[i] == b[j]:
            r = 1 + go(i + 1, j + 1)
        else:
            r = max(go(i + 1, j), go(i, j + 1))
        cache[(i, j)] = r
        return r
    return go(0, 0)
print(lcs("AGGTABQWERTY", "GXTXAYBWRT"), lcs("abcdefghij", "acegi"))
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(i) for i in range(15)])
