class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
def insert(root, key):
    if root is None:
        return Node(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root
def inorder(root, out):
    if root:
        inorder(root.left, out)
        out.append(root.key)
        inorder(root.right, out)
    return out
def height(root):
    return 0 if root is None else 1 + max(height(root.left), height(root.right))
def count(root):
    return 0 if root is None else 1 + count(root.left) + count(root.right)
root = None
for k in [(i * 7919) % 1009 for i in range(400)]:
    root = insert(root, k)
keys = inorder(root, [])
print(len(keys), keys[:10], keys[-5:], height(root), count(root))
def contains(root, k):
    while root:
        if k == root.key:
            return True
        root = root.left if k < root.key else root.right
    return False
print(contains(root, keys[17]), contains(root, 5000))
chain = None
for k in range(600):
    chain = insert(chain, k) if chain is None else chain
n = chain
for k in range(1, 600):
    n.right = Node(k)
    n = n.right
print(height(chain), count(chain))
