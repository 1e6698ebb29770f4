prices = {"apple": 1.25, "pear": 0.75, "kiwi": 2.5, "plum": 0.5}
qty = {"apple": 4, "kiwi": 2, "plum": 10}
total = 0
for item, p in prices.items():
    n = qty.get(item, 0)
    total += p * n
    print(item, n, p * n)
print("total", total)
cheap = [k for k, v in prices.items() if v < 1]
print(cheap)
merged = dict(prices)
merged.update({k: v * 2 for k, v in qty.items()})
print(merged)
print(sorted(prices, key=prices.get), max(prices, key=prices.get))
keys = list(prices.keys())
vals = list(prices.values())
print(dict(zip(vals, keys)))
print(list(enumerate(prices)))
