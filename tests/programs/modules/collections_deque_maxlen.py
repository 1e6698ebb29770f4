from collections import deque

d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
d.appendleft(-1); print(d)
d.extend([10, 11]); print(d)
d.extendleft([20]); print(d, d.maxlen)
print(deque(range(10), maxlen=4), deque([1, 2]).maxlen)
z = deque([1, 2], maxlen=0); z.append(3); print(z, len(z))
window = deque(maxlen=3)
sums = []
for x in [5, 1, 4, 2, 8, 7, 3]:
    window.append(x)
    sums.append(sum(window))
print(sums)
try:
    deque([], maxlen=-1)
except ValueError as e:
    print("ValueError", e)
try:
    deque([1, 2], maxlen=2).insert(0, 5)
except IndexError as e:
    print("IndexError", e)
