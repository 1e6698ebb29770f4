s = set()
s.add(3)
s.add(1)
s.add(3)
print(sorted(s), len(s))
s.discard(1)
s.discard(42)
print(sorted(s))
s.remove(3)
print(sorted(s), len(s))
try:
    s.remove(3)
except KeyError as e:
    print("KeyError", e)
t = {5}
print(t.pop(), len(t))
try:
    t.pop()
except KeyError as e:
    print("KeyError", e)
a = {1, 2, 3}
b = [3, 4]
print(sorted(a.union(b)), sorted(a.union(b, (9,))), sorted(a.intersection(b)), sorted(a.intersection([1, 2], [2])))
print(sorted(a.difference(b)), sorted(a.difference([1], [2])), sorted(a.symmetric_difference(b)))
print(a.issubset([1, 2, 3, 4]), a.issubset([1]), a.issuperset([1, 2]), a.issuperset([0]), a.isdisjoint([7, 8]), a.isdisjoint([3]))
a.update([10, 11], (12,))
print(sorted(a))
c = a.copy()
c.clear()
print(len(a), len(c), sorted(c))
popped = []
p = {7, 8, 9}
while p:
    popped.append(p.pop())
print(sorted(popped))
