from collections import Counter

class LoudCounter(Counter):
    def __setitem__(self, key, value):
        print("set", key, value)
        Counter.__setitem__(self, key, value) if hasattr(Counter, "__setitem__") else dict.update(self, {key: value})

c = LoudCounter("abca")
print(sorted(c.items()))
big = Counter(i % 7 for i in range(10000))
print(sorted(big.items()))
print(Counter([(1, 2), (1, 2), "x", 3.0, 3]))
words = Counter()
words.update("to be or not to be".split())
words.update(["be"])
print(words, words.most_common(1))
