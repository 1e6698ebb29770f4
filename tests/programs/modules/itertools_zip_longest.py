from itertools import zip_longest

print(list(zip_longest("ABCD", "xy")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1, 2], [3], [4, 5, 6])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([1])))
for a, b in zip_longest(range(3), range(5), fillvalue=0):
    print(a + b, end=" ")
print()
