n = 2**100 + 12345
print(int(str(n)) == n, int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n, int("0x" + format(n, "x"), 0) == n)
print(float(n), int(float(n)), n == float(n), n > float(n), round(n / 10**20, 5), n // 10**25)
print(f"{n:e}", f"{n:.3e}", f"{n:_}", f"{-n:40}", "%d" % n, "%x" % n, "%.3g" % n)
print(int("-" + "9" * 50) + 1, abs(-n) == n, -n < 0 < n, max(n, -n, 0), sorted([n, -n, 1, 2**99]))
print(int(1e20), int(-1e20), int(2.5e30), 10**18 * 10**18, (10**40) // 3, 3 * 10**40 // 10**40)
print(hash(n) == hash(n + 0), n.bit_length(), (n).to_bytes(13, "big").hex(), isinstance(n, int), type(n).__name__)
