from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "bat", "bar", "atom", "cat", "axe"]:
    groups[word[0]].append(word)
print(groups)
print(sorted(groups.items()), len(groups), "z" in groups, groups.get("z"))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), counts["q"], len(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
nested["b"]["y"] += 1
print({k: dict(v) for k, v in nested.items()})
s = defaultdict(set)
s[1].add(2); s[1].add(3)
print(s, s.default_factory)
plain = defaultdict(None, {"k": 1})
print(plain, plain["k"], isinstance(plain, dict))
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
c = counts.copy()
c["new"] += 1
print(sorted(c.items()), "new" in counts)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
for k in counts:
    print(k, counts[k], end="; ")
print()
