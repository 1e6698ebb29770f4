# bench-args: 700000
# default-args: 140000
# test-args: 10000
# Dict/str heavy: generate deterministic pseudo-English text with a hand-written LCG,
# split it into words, count frequencies in a dict, print the top 10 by (-count, word)
# and a checksum. Argument: number of words.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "tu", "shi", "pe", "do", "an", "el", "or",
             "ist", "qu", "zy", "ba", "ver", "ing", "th", "ou"]
PUNCT = ["", "", "", "", "", ",", ".", ";", "!", "?"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def make_vocabulary(rng, size):
    vocab = []
    for _ in range(size):
        parts = []
        for _ in range(1 + rng.next(3)):
            parts.append(SYLLABLES[rng.next(len(SYLLABLES))])
        vocab.append("".join(parts))
    return vocab


def generate_text(rng, vocab, nwords):
    lines = []
    line = []
    for _ in range(nwords):
        # skewed choice: small indexes are much more frequent (Zipf-like)
        a = rng.next(len(vocab))
        b = rng.next(len(vocab))
        idx = a * b // len(vocab)
        w = vocab[idx]
        if rng.next(8) == 0:
            w = w.capitalize()
        line.append(w + PUNCT[rng.next(len(PUNCT))])
        if len(line) >= 12:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for raw in text.split():
        w = raw.strip(",.;!?").lower()
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts


def main():
    nwords = int(sys.argv[1]) if len(sys.argv) > 1 else 700000
    rng = Lcg(20240607)
    vocab = make_vocabulary(rng, 2000)
    text = generate_text(rng, vocab, nwords)
    counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    for w, c in top:
        print(w, c)
    checksum = 0
    for w, c in counts.items():
        for ch in w:
            checksum = (checksum * 31 + ord(ch)) % 1000000007
        checksum = (checksum + c * len(w)) % 1000000007
    print("distinct", len(counts), "total", sum(counts.values()), "chars", len(text))
    print("checksum", checksum)


main()
