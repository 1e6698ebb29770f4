class Link:
    def __init__(self, v):
        self.v = v
        self.next = None
        self.prev = None
def make_ring(n, base):
    first = Link(base)
    cur = first
    for k in range(1, n):
        nxt = Link(base + k)
        cur.next = nxt
        nxt.prev = cur
        cur = nxt
    cur.next = first
    first.prev = cur
    return first
checksum = 0
for i in range(5000):
    ring = make_ring(10, i)
    node = ring
    s = 0
    for _ in range(25):
        s += node.v
        node = node.next
    checksum = (checksum * 7 + s + ring.prev.v) % 1000003
print(checksum)
survivor = make_ring(5, 100)
print([survivor.v, survivor.next.v, survivor.prev.v, survivor.next.next.next.next.next.v])
