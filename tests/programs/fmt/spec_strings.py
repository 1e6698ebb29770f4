print(f"{'abc':s}", f"{'abc':10s}|", f"{'abc':>10s}|", f"{'π':^5}|", f"{'日本':>6}|")
print(format("x"), format(3), format(2.5), format(None), format([1, 2]), format((1,), ""))
print(format(1234, "08,d"), format(0.5, ".0%"), format(-1, "x"), format(3+0 == 3, ""))
