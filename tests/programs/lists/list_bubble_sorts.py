def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l = merge_sort(a[:mid])
    r = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i])
            i += 1
        else:
            out.append(r[j])
            j += 1
    return out + l[i:] + r[j:]
def quick(a):
    if len(a) < 2:
        return a
    p = a[0]
    return quick([x for x in a[1:] if x < p]) + [p] + quick([x for x in a[1:] if x >= p])
data = [(i * 37 + 11) % 101 for i in range(60)]
print(bubble(data)[:15])
print(insertion(data) == sorted(data), merge_sort(data) == sorted(data), quick(data) == sorted(data))
print(merge_sort(["pear", "apple", "fig"]), quick([3.5, -1, 2]))
