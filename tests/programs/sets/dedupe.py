data = [5, 3, 5, 1, 3, 9, 1, 1, 7]
seen = set()
uniq = []
for x in data:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, sorted(seen), len(set(data)))
words = "to be or not to be that is the question".split()
print(sorted(set(words)), len(words), len(set(words)))
a = set("hello world")
b = set("lower case")
print(sorted(a & b), sorted(a - b), sorted(a ^ b))
def primes_upto(n):
    composite = set()
    out = []
    for i in range(2, n + 1):
        if i not in composite:
            out.append(i)
            for j in range(i * i, n + 1, i):
                composite.add(j)
    return out
print(primes_upto(60))
pairs = {(i, j) for i in range(4) for j in range(4) if i < j}
print(sorted(pairs), len(pairs))
