# bench-args: 120000
# default-args: 12000
# test-args: 150
# Chaos game: an iterated function system built from three cubic B-splines (evaluated
# with de Boor's algorithm) draws their thickened outline into a 256x256 bitmap, each step
# moving the point along a randomly chosen spline segment. Randomness comes from a
# hand-written 48-bit LCG. Stresses float arithmetic, small vector objects with operator
# dunders, __call__, math functions and list indexing. Argument: number of iterations.
# Prints how many pixels were set and a checksum of the bitmap.
import math
import sys


class Lcg48:
    """drand48's generator: 48-bit state, multiplier 0x5DEECE66D, increment 11."""

    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.state = ((seed << 16) | 0x330E) & self.MASK

    def _step(self):
        self.state = (self.state * 0x5DEECE66D + 0xB) & self.MASK
        return self.state

    def random(self):
        return self._step() / 281474976710656.0

    def randrange(self, n):
        return (self._step() >> 16) % n


class GVector:
    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return GVector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, factor):
        return GVector(self.x * factor, self.y * factor, self.z * factor)

    __rmul__ = __mul__

    def __repr__(self):
        return f"GVector({self.x!r}, {self.y!r}, {self.z!r})"

    def magnitude(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def distance(self, other):
        return (self - other).magnitude()

    def blend(self, other, weight):
        """(1 - weight) * self + weight * other."""
        return self * (1.0 - weight) + other * weight


class Spline:
    """A B-spline of the given degree over control points and a clamped knot vector."""

    def __init__(self, points, degree):
        if len(points) <= degree:
            raise ValueError("a spline needs more control points than its degree")
        self.points = points
        self.degree = degree
        inner = len(points) - degree
        self.knots = ([0.0] * degree + [i / inner for i in range(inner + 1)]
                      + [1.0] * degree)

    def domain(self):
        return self.knots[self.degree], self.knots[len(self.points)]

    def _span(self, u):
        lo = self.degree
        hi = len(self.points) - 1
        if u >= self.knots[hi + 1]:
            return hi
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.knots[mid] <= u:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def __call__(self, u):
        p = self.degree
        k = self._span(u)
        knots = self.knots
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = knots[j + k - p]
                alpha = (u - left) / (knots[j + 1 + k - r] - left)
                d[j] = d[j - 1].blend(d[j], alpha)
        return d[p]


class ChaosGame:
    def __init__(self, splines, thickness, rng):
        self.splines = splines
        self.thickness = thickness
        self.rng = rng
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        self.minx, self.maxx = min(xs), max(xs)
        self.miny, self.maxy = min(ys), max(ys)
        self.width = self.maxx - self.minx
        self.height = self.maxy - self.miny
        max_piece = thickness * self.width / self.height
        self.pieces = []
        for s in splines:
            start, end = s.domain()
            length = 0.0
            here = s(start)
            for i in range(1, 200):
                there = s(start + (end - start) * i / 199)
                length += here.distance(there)
                here = there
            self.pieces.append(max(1, int(length / max_piece * 1.5)))
        self.total_pieces = sum(self.pieces)

    def random_piece(self):
        r = self.rng.randrange(self.total_pieces)
        for which, count in enumerate(self.pieces):
            if r < count:
                return which, r
            r -= count
        raise AssertionError("piece out of range")

    def step(self, point):
        x = (point.x - self.minx) / self.width
        y = (point.y - self.miny) / self.height
        which, piece = self.random_piece()
        spline = self.splines[which]
        start, end = spline.domain()
        piece_length = (end - start) / self.pieces[which]
        t = start + piece_length * (piece + x)
        base = spline(t)
        h = 1.0 / 50000
        if t + h > end:
            tangent = spline(t - h) - base
        else:
            tangent = base - spline(t + h)
        size = tangent.magnitude()
        if size != 0.0:
            offset = (y - 0.5) * self.thickness / size
            base.x += tangent.y * offset
            base.y -= tangent.x * offset
        base.x = min(self.maxx, max(self.minx, base.x))
        base.y = min(self.maxy, max(self.miny, base.y))
        return base

    def draw(self, size, iterations):
        image = [[0] * size for _ in range(size)]
        point = GVector((self.minx + self.maxx) / 2, (self.miny + self.maxy) / 2)
        for _ in range(iterations):
            point = self.step(point)
            col = int((point.x - self.minx) / self.width * size)
            row = int((point.y - self.miny) / self.height * size)
            image[min(row, size - 1)][min(col, size - 1)] = 1
        return image


def make_splines():
    def spline(coords):
        return Spline([GVector(x, y) for x, y in coords], 3)
    return [
        spline([(0.10, 0.20), (0.15, 0.85), (0.35, 0.95), (0.55, 0.60), (0.45, 0.30),
                (0.70, 0.10), (0.92, 0.35)]),
        spline([(0.25, 0.05), (0.40, 0.25), (0.30, 0.50), (0.60, 0.75), (0.85, 0.70)]),
        spline([(0.65, 0.95), (0.95, 0.90), (0.80, 0.55), (0.97, 0.45)]),
    ]


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 120000
    game = ChaosGame(make_splines(), 0.25, Lcg48(1234))
    image = game.draw(256, iterations)
    lit = 0
    checksum = 0
    for r, row in enumerate(image):
        for c, v in enumerate(row):
            if v:
                lit += 1
                checksum = (checksum * 131 + r * 256 + c) % 1000000007
    print("pieces", game.pieces)
    print("pixels set", lit)
    print("checksum", checksum)
    print("sample", game.splines[0](0.5))


main()
