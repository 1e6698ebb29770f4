from collections import deque

d = deque([1])
print(d.pop())
d.popleft()
