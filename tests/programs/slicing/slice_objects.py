sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step)
sl2 = slice(5)
print(sl2.start, sl2.stop, sl2.step)
data = list("abcdefghijkl")
print(data[sl], data[sl2], data[slice(None, None, -2)])
cuts = [slice(0, 3), slice(3, 6), slice(6, None)]
print(["".join(data[c]) for c in cuts])
def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]
print(chunks(data, 5), chunks("abcdefg", 3), chunks((1, 2, 3), 2))
def rotate(seq, k):
    k %= len(seq)
    return seq[k:] + seq[:k]
print(rotate([1, 2, 3, 4, 5], 2), rotate("abcde", -1), rotate((1, 2, 3), 7))
