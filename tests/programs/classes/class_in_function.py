def make_class(greeting):
    class Greeter:
        def __init__(self, name):
            self.name = name
        def greet(self):
            return greeting + ", " + self.name
    return Greeter
Hello = make_class("Hello")
Hi = make_class("Hi")
print(Hello("ann").greet(), Hi("bob").greet(), Hello is Hi)
class Outer:
    class Inner:
        def val(self):
            return "inner val"
    def make(self):
        return Outer.Inner()
print(Outer().make().val(), Outer.Inner().val())
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
def build(values):
    head = None
    for v in reversed(values):
        head = Node(v, head)
    return head
def to_list(node):
    out = []
    while node is not None:
        out.append(node.v)
        node = node.nxt
    return out
def reverse(node):
    prev = None
    while node:
        node.nxt, prev, node = prev, node, node.nxt
    return prev
lst = build([1, 2, 3, 4, 5])
print(to_list(lst), to_list(reverse(build([1, 2, 3, 4, 5]))))
