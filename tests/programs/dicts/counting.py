text = "the quick brown fox jumps over the lazy dog the fox"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(top[:3])
letters = {}
for ch in text:
    if ch != " ":
        if ch in letters:
            letters[ch] += 1
        else:
            letters[ch] = 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:5])
groups = {}
for w in counts:
    groups.setdefault(len(w), []).append(w)
print(groups)
inverse = {}
for k, v in counts.items():
    inverse.setdefault(v, []).append(k)
print(inverse)
