# bench-args: 2000000
# default-args: 220000
# test-args: 2000
# Float: build many small point objects from sin/cos, normalize each in place, then fold
# them into a component-wise maximum. Stresses float arithmetic, math calls, object
# allocation and attribute access. Argument: number of points (made in batches of
# 50000, so each batch becomes garbage while the next one is built).
import sys
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return f"<Point: x={self.x:.9f}, y={self.y:.9f}, z={self.z:.9f}>"

    def normalize(self):
        length = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= length
        self.y /= length
        self.z /= length

    def take_max(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


BATCH = 50000


def run_batch(start, stop):
    points = [Point(i) for i in range(start, stop)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.take_max(p)
    total = 0.0
    for p in points:
        total += p.x - p.y * 0.5 + p.z * 0.25
    return best, total


def run(count):
    best = None
    total = 0.0
    for start in range(0, count, BATCH):
        batch_best, batch_total = run_batch(start, min(count, start + BATCH))
        best = batch_best if best is None else best.take_max(batch_best)
        total += batch_total
    return best, total


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
    best, total = run(count)
    print(best)
    print(f"sum {total:.6f}")


main()
