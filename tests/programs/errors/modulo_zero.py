def checksum(values, m):
    acc = 0
    for v in values:
        acc = (acc * 31 + v) % m
    return acc
print(checksum([1, 2, 3], 1000))
print(checksum([4, 5, 6], 7))
print(checksum([7, 8, 9], 0))
