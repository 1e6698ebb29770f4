# Word statistics: Counter, itertools, functools, operator, string and io together.
import io
import string
from collections import Counter, OrderedDict, namedtuple
from functools import reduce, lru_cache
from itertools import groupby, chain, islice, accumulate
from operator import itemgetter, add

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""


words = [w.lower().strip(string.punctuation) for w in TEXT.split()]
counts = Counter(words)
print(counts.most_common(6))
by_len = {k: sorted(set(g)) for k, g in groupby(sorted(words, key=len), key=len)}
print(by_len)
print(list(islice(accumulate(len(w) for w in words), 10)))
print(reduce(add, map(len, words)), sum(counts.values()), len(counts))
Stat = namedtuple("Stat", "word count first")
first_seen = OrderedDict()
for i, w in enumerate(words):
    first_seen.setdefault(w, i)
stats = sorted((Stat(w, counts[w], i) for w, i in first_seen.items()), key=itemgetter(1, 2), reverse=True)
print(stats[:4])

@lru_cache(maxsize=None)
def syllables(word):
    vowels = "aeiouy"
    groups = [k for k, _ in groupby(ch in vowels for ch in word)]
    return max(1, sum(groups))

out = io.StringIO()
for w in sorted(counts):
    out.write("%s:%d " % (w, syllables(w)))
print(out.getvalue().strip())
print(syllables.cache_info())
print(list(chain.from_iterable(zip("abc", "xyz"))))
