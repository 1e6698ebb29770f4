a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [5, 6, 7, 8]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
lst[1], lst[2] = lst[2], lst[1]
print(lst)
x, y = 0, 1
for _ in range(10):
    x, y = y, x + y
print(x, y)
d = {"a": 1, "b": 2}
d["a"], d["b"] = d["b"], d["a"]
print(d)
def rev(seq):
    seq = list(seq)
    i, j = 0, len(seq) - 1
    while i < j:
        seq[i], seq[j] = seq[j], seq[i]
        i, j = i + 1, j - 1
    return seq
print(rev("abcdefg"), rev([]), rev([1]))
