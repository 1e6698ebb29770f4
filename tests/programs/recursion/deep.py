def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(800))
def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list(list(range(700))))
def build(n):
    return None if n == 0 else (n, build(n - 1))
def length(node):
    return 0 if node is None else 1 + length(node[1])
print(length(build(850)))
def count_down(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)
r = count_down(500, [])
print(len(r), r[:3], r[-3:])
