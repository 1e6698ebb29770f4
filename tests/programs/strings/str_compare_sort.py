words = ["pear", "Apple", "fig", "banana", "apple", "Fig", "kiwi", "date", "cherry", "b"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: w[::-1], reverse=True))
print(max(words), min(words), max(words, key=len), min(words, key=len))
print("apple" < "apple pie", "Zebra" < "apple", "10" < "9", "a" * 3 < "a" * 4)
print([w for w in words if "a" <= w[0] <= "f"])
