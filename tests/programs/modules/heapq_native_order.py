# Heap layouts must match CPython's exactly, including its cache-friendly heapify for big lists.
import heapq
import random

rng = random.Random(5)
for n in [0, 1, 2, 10, 100, 2500, 2501, 5000, 12345]:
    data = [rng.randrange(1000) for _ in range(n)]
    heapq.heapify(data)
    print(n, sum(i * v for i, v in enumerate(data)) % 1000003, data[:12])
heap = []
trace = []
for step in range(3000):
    op = rng.randrange(4)
    if op == 0 or not heap:
        heapq.heappush(heap, (rng.randrange(50), step))
    elif op == 1:
        trace.append(heapq.heappop(heap))
    elif op == 2:
        trace.append(heapq.heapreplace(heap, (rng.randrange(50), step)))
    else:
        trace.append(heapq.heappushpop(heap, (rng.randrange(50), step)))
print(len(heap), heap[:8], trace[-8:], sum(s for _, s in trace))

class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return self.name
tasks = [Task(p, "t%d" % i) for i, p in enumerate([5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]
heapq.heapify(tasks)
print(tasks, [heapq.heappop(tasks) for _ in range(len(tasks))])
print(heapq.heappushpop([], 3), heapq.heappushpop([1], 0), heapq.heappushpop([1, 5], 3))
class Sub(list):
    pass
s = Sub([3, 1, 2])
heapq.heapify(s)
print(list(s), heapq.heappop(s))
for f, args in [(heapq.heappush, ((), 1)), (heapq.heapify, ("abc",)), (heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ([],))]:
    try:
        f(*args)
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    heapq.heappush([1, "a"], 2)
except TypeError as e:
    print("TypeError", e)
