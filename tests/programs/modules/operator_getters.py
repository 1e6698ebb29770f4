from operator import itemgetter, attrgetter, methodcaller

rows = [("alice", 30, "NYC"), ("bob", 25, "LA"), ("carol", 35, "SF"), ("dave", 25, "NYC")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0, 2)(rows[0]), itemgetter(-1)("hello"), itemgetter(slice(1, 3))([0, 1, 2, 3]))
print(itemgetter("k")({"k": 9}), list(map(itemgetter(0), rows)))
print(itemgetter(1), itemgetter(1, 2), attrgetter("x"), attrgetter("a.b", "c"), methodcaller("f", 1, k=2))

class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct

n = Node("root", Node("leaf"))
print(attrgetter("name")(n), attrgetter("child.name")(n), attrgetter("name", "child.name")(n))
print(sorted([Node("b"), Node("a")], key=attrgetter("name"))[0].name)
print(methodcaller("greet", "hi")(n), methodcaller("greet", "yo", punct="?")(n))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"))
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError", e)
try:
    attrgetter("missing")(n)
except AttributeError as e:
    print("AttributeError", e)
try:
    attrgetter(1)
except TypeError as e:
    print("TypeError", e)
