import time

t0 = time.time()
p0 = time.perf_counter()
c0 = time.process_time()
total = 0
for i in range(20000):
    total += i * i
time.sleep(0.01)
time.sleep(0)
t1 = time.time()
p1 = time.perf_counter()
c1 = time.process_time()
print(total, t1 >= t0, p1 - p0 >= 0.01, c1 >= c0, t0 > 1.6e9)
print(type(t0).__name__, type(p0).__name__, type(time.perf_counter_ns()).__name__, type(time.time_ns()).__name__)
print(time.monotonic() <= time.monotonic(), abs(time.time_ns() / 1e9 - time.time()) < 5)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
