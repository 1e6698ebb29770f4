from functools import total_ordering, cmp_to_key

@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a < b, a <= b, a > b, a >= b, a <= c, a >= c, b > a, b >= a, a == c)
print(sorted([Version(2, 0), Version(1, 5), Version(1, 0)]), max(a, b), min(a, b))

@total_ordering
class Rank:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __gt__(self, other):
        return self.n > other.n
print(Rank(1) < Rank(2), Rank(1) <= Rank(1), Rank(3) >= Rank(4), Rank(5) > Rank(4))

@total_ordering
class Le:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __le__(self, other):
        return self.n <= other.n
print(Le(1) < Le(2), Le(2) > Le(1), Le(1) >= Le(1), Le(3) < Le(3))

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)

def compare_len(a, b):
    return len(a) - len(b)
print(sorted(["ccc", "a", "bb", "dddd", "e"], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
