items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
for name, price, qty in items:
    print(f"{name:<10}|{price:>8.2f}|{qty:^5d}|{price * qty:>10,.3f}|")
width, prec = 12, 4
for x in [3.14159265, -2.5, 1234.5]:
    print(f"[{x:{width}.{prec}f}] [{x:<{width}}] [{x:^{width}.{prec - 2}e}] [{x:+{width}}]")
print(f"{'left':*<{width}}", f"{'right':*>{width}}", f"{'mid':*^{width}}")
print(f"{10:#0{width}x}", f"{255:0>{width},}", f"{'%':%>3}")
d = {"key": "value", 1: [1, 2]}
print(f"{d['key']} {d[1][1]} {len(d)} {d!r}")
print(f"{'a' if width > 10 else 'b'}", f"{(lambda: 'lam')()}", f"{[i * i for i in range(4)]}")
print(f"{3 + 4 = }", f"{width * 2 = :>5}", f"{'x'!r:^7}")
