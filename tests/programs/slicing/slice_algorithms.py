def is_sorted(a):
    return all(x <= y for x, y in zip(a, a[1:]))
print(is_sorted([1, 2, 2, 5]), is_sorted([3, 1]))
def reverse_words(s):
    return " ".join(s.split()[::-1])
print(reverse_words("one two three four"))
def reverse_inplace(a, i, j):
    a[i:j] = a[i:j][::-1]
arr = list(range(10))
reverse_inplace(arr, 2, 7)
print(arr)
def next_perm(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[i + 1:][::-1]
    return True
p = [1, 2, 3, 4]
perms = [p[:]]
while next_perm(p):
    perms.append(p[:])
print(len(perms), perms[:5], perms[-1])
def window_sums(a, k):
    return [sum(a[i:i + k]) for i in range(len(a) - k + 1)]
print(window_sums([1, 3, 5, 7, 9, 11], 3))
