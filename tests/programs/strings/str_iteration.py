s = "mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(list(enumerate("abc")), list(zip("abc", "xyz")), list(reversed("abc")))
vowels = [c for c in "education" if c in "aeiou"]
print(vowels, len(vowels))
it = iter("xy")
print(next(it), next(it), next(it, "end"))
print(sorted(set("mississippi")))
print(any(c.isdigit() for c in "abc1"), all(c.isalpha() for c in "abc1"))
print([s[i:i + 3] for i in range(0, len(s), 3)])
print(list(map(str.upper, ["a", "b"])), list(filter(str.isdigit, "a1b2c3")))
