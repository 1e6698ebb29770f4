class TreeNode:
    def __init__(self, val, parent):
        self.val = val
        self.parent = parent
        self.children = []
def build(depth, val, parent):
    node = TreeNode(val, parent)
    if depth > 0:
        for k in range(3):
            node.children.append(build(depth - 1, val * 3 + k, node))
    return node
def total(node):
    return node.val + sum(total(c) for c in node.children)
def root_of(node):
    while node.parent is not None:
        node = node.parent
    return node
acc = 0
for i in range(60):
    t = build(5, i, None)
    leaf = t.children[2].children[1].children[0].children[2].children[1]
    acc += total(t) + root_of(leaf).val + leaf.val
print(acc)
