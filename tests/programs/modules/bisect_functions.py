import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 3, 4, 5, 9, 10]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 4, 4), bisect_right(a, 4, 0, 3), bisect_left([], 1))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(s, x)
print(s)
insort_left(s, 5); bisect.insort_right(s, 0); print(s)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect_left(records, 3, key=lambda r: r[1]), bisect_right(records, 3, key=lambda r: r[1]))
insort(records, ("z", 4), key=lambda r: r[1]); print(records)
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
