class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
checksum = 0
for i in range(200000):
    a = Node(i)
    b = Node(i * 2)
    a.other = b
    b.other = a
    checksum = (checksum + a.other.v + b.other.v) % 1000000007
print(checksum)
