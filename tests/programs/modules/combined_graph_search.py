# Dijkstra, BFS and a random graph: heapq, deque, defaultdict and random together.
import heapq
import random
from collections import deque, defaultdict

rng = random.Random(314)
graph = defaultdict(list)
for _ in range(300):
    a, b = rng.randrange(60), rng.randrange(60)
    w = rng.randint(1, 20)
    graph[a].append((b, w))
    graph[b].append((a, w))

def dijkstra(src):
    dist = {src: 0}
    heap = [(0, src)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist

def bfs(src):
    seen = {src: 0}
    queue = deque([src])
    while queue:
        node = queue.popleft()
        for nxt, _ in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen

dist = dijkstra(0)
hops = bfs(0)
print(len(dist), sum(dist.values()), max(dist.values()))
print(sorted(dist.items())[:10])
print(len(hops), max(hops.values()), sorted(hops.items())[-5:])
